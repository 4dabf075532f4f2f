package io.vigil.scenarios;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;

/**
 * A webhook receiver on 127.0.0.1 standing in for people's own endpoints: {@code /people/<username>} is a person's
 * webhook URL. It answers 204 and keeps what it received, with the Standard Webhooks headers.
 */
public final class WebhookInbox implements AutoCloseable {
    /**
     * One delivery: to whom, the webhook-id, the JSON body ({type, timestamp, data{template, subject, text, …}}), and
     * when it arrived ({@link System#nanoTime()}).
     */
    public record Delivery(String person, String webhookId, String signature, JsonNode body, long receivedNanos) {
        public String template() {
            return body.path("data").path("template").asText();
        }

        public String text() {
            return body.path("data").path("text").asText();
        }

        public String causationSubject() {
            return body.path("data").path("causationSubject").asText();
        }

        public String causationEventId() {
            return body.path("data").path("causationEventId").asText();
        }
    }

    private final HttpServer server;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final List<java.util.function.Consumer<Delivery>> listeners = new CopyOnWriteArrayList<>();

    public WebhookInbox() {
        try {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        } catch (IOException e) {
            throw new IllegalStateException("no local port for the webhook receiver", e);
        }
        server.setExecutor(Executors.newFixedThreadPool(4));
        server.createContext("/people/", exchange -> {
            String person = exchange.getRequestURI().getPath().substring("/people/".length());
            Delivery delivery;
            try (InputStream in = exchange.getRequestBody()) {
                delivery = new Delivery(person, exchange.getRequestHeaders().getFirst("webhook-id"),
                        exchange.getRequestHeaders().getFirst("webhook-signature"), Http.JSON.readTree(in.readAllBytes()),
                        System.nanoTime());
            } catch (IOException e) {
                // a body that is not JSON is still an answer from the sender: keep nothing, say so
                exchange.sendResponseHeaders(400, -1);
                exchange.close();
                return;
            }
            deliveries.add(delivery);
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
            listeners.forEach(l -> l.accept(delivery));
        });
        server.start();
    }

    /** Called with every delivery as it arrives (after it was answered). */
    public void onDelivery(java.util.function.Consumer<Delivery> listener) {
        listeners.add(listener);
    }

    public URI urlOf(String person) {
        return URI.create("http://127.0.0.1:" + server.getAddress().getPort() + "/people/" + person);
    }

    public List<Delivery> to(String person) {
        List<Delivery> mine = new ArrayList<>();
        for (Delivery d : deliveries) {
            if (d.person().equals(person)) {
                mine.add(d);
            }
        }
        return mine;
    }

    public List<Delivery> all() {
        return List.copyOf(deliveries);
    }

    @Override
    public void close() {
        server.stop(0);
        ((java.util.concurrent.ExecutorService) server.getExecutor()).shutdownNow();
    }
}
