package io.vigil.bench;

import io.vigil.events.EventCodec;
import io.vigil.events.VigilEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.Signals;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * The alerts of the escalation benchmark as monitoring systems send them: Prometheus Alertmanager webhook
 * notifications (payload version 4, one firing alert each, HTTP basic auth with the integration's secret) to
 * {@code POST /integrations/alertmanager}, and {@code alert.raised} CloudEvents (structured mode) on the run's alerts topic.
 * Every alert has a key of its own, so each one opens an incident.
 */
final class AlertLoad implements AutoCloseable {
    static final URI PROMETHEUS = URI.create("https://prometheus.bench.example.com");

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final EventCodec codec = new EventCodec();
    private final String baseUrl;
    private final String basicAuth;
    private final String topic;
    private final KafkaProducer<String, byte[]> producer;

    AlertLoad(String baseUrl, String username, String secret, String bootstrap, String topic) {
        this.baseUrl = baseUrl;
        this.basicAuth = "Basic " + Base64.getEncoder().encodeToString((username + ":" + secret).getBytes(StandardCharsets.UTF_8));
        this.topic = topic;
        this.producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.CLIENT_ID_CONFIG, "vigil-bench-alerts", ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 1), new StringSerializer(), new ByteArraySerializer());
    }

    /** One Alertmanager notification with one firing alert; returns the HTTP status. */
    int postAlertmanager(String fingerprint, String service) throws Exception {
        String body = """
                {"receiver":"vigil","status":"firing","alerts":[{"status":"firing","labels":{"alertname":"UploadErrors","service":"%s",\
                "instance":"%s-1:9100"},"annotations":{"summary":"Upload error rate high","description":"more than 20 %% of uploads fail"},\
                "startsAt":"%s","endsAt":"0001-01-01T00:00:00Z","generatorURL":"http://127.0.0.1:9090/graph?g0.expr=rate","fingerprint":"%s"}],\
                "groupLabels":{"alertname":"UploadErrors"},"commonLabels":{"alertname":"UploadErrors","service":"%s"},"commonAnnotations":{},\
                "externalURL":"http://127.0.0.1:9095","version":"4","groupKey":"{}:{alertname=\\"UploadErrors\\"}","truncatedAlerts":0}"""
                .formatted(service, service, Instant.now(), fingerprint, service);
        HttpRequest request = HttpRequest.newBuilder(URI.create(baseUrl + "/integrations/alertmanager")).timeout(Duration.ofSeconds(60))
                .header("Authorization", basicAuth).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build();
        HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
        return response.statusCode();
    }

    /** An alert.raised CloudEvent on the run's alerts topic, not waiting for the broker's ack. */
    void produce(String alertKey, String service) {
        Instant now = Instant.now();
        VigilEvent<AlertRaised> event = VigilEvent.of(PROMETHEUS, alertKey, now, "prometheus", null, null,
                new AlertRaised(alertKey, "prometheus", service, "uploads failing", null, null, Signals.none(), null, now));
        ProducerRecord<String, byte[]> record = EventCodec.structuredRecord(topic, alertKey, codec.encode(event));
        producer.send(record, (metadata, e) -> {
            if (e != null) {
                System.err.println("[bench] could not produce " + alertKey + ": " + e.getMessage());
            }
        });
    }

    void flush() {
        producer.flush();
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(10));
    }
}
