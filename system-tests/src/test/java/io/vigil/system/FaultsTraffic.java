package io.vigil.system;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vigil.events.EventCodec;
import io.vigil.events.EventPayload;
import io.vigil.events.Severity;
import io.vigil.events.VigilEvent;
import io.vigil.events.alerts.AlertRaised;
import io.vigil.events.alerts.Signals;
import io.vigil.events.deploys.DeployStarted;
import io.vigil.platform.testing.Tokens;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Supplier;

/**
 * The steady, bounded stream of the fault run: deploys (half as CloudEvents on vigil.deploys, half over
 * POST /deploys with the ci-publisher service account's token) and alerts (half as CloudEvents on vigil.alerts,
 * half over POST /alerts), one of each per beat. A request that meets a dead service or an outage is sent again
 * until it is answered; every fourth alert claims P1.
 */
final class FaultsTraffic implements Runnable {
    static final String ALERT_SERVICE = "faults-payments";
    final Set<String> deploys = ConcurrentHashMap.newKeySet();
    final Set<String> alerts = ConcurrentHashMap.newKeySet();
    final Set<String> p1Alerts = ConcurrentHashMap.newKeySet();
    /** Ids of the CloudEvents this stream put on the broker itself. */
    final Set<String> publishedIds = ConcurrentHashMap.newKeySet();
    final AtomicInteger retries = new AtomicInteger();
    private final int count;
    private final Duration beat;
    private final String run;
    private final List<String> mergers;
    private final String bootstrap;
    private final Supplier<String> ownershipUrl;
    private final Supplier<String> escalationUrl;
    private final EventCodec codec = new EventCodec();
    private final ObjectMapper json = new ObjectMapper();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    FaultsTraffic(int count, Duration beat, String run, List<String> mergers, String bootstrap,
                  Supplier<String> ownershipUrl, Supplier<String> escalationUrl) {
        this.count = count;
        this.beat = beat;
        this.run = run;
        this.mergers = mergers;
        this.bootstrap = bootstrap;
        this.ownershipUrl = ownershipUrl;
        this.escalationUrl = escalationUrl;
    }

    @Override
    public void run() {
        try (KafkaProducer<String, byte[]> producer = new KafkaProducer<>(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 180_000,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 180_000), new StringSerializer(), new ByteArraySerializer())) {
            for (int i = 0; i < count; i++) {
                deploy(producer, i);
                alert(producer, i);
                Thread.sleep(beat.toMillis());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private void deploy(KafkaProducer<String, byte[]> producer, int i) throws Exception {
        String deployId = "dep-faults-" + run + "-" + i;
        String merger = mergers.get(i % mergers.size());
        if (i % 2 == 0) {
            Instant at = Instant.now();
            publish(producer, VigilEvent.of(URI.create("https://ci.example.com"), deployId, at, "ci-publisher", null, null,
                    new DeployStarted(deployId, "checkout", "4.0." + i, "production", merger,
                            "https://git.example.com/pr/" + i, true, "https://git.example.com/rollback/" + i, at)));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("deployId", deployId);
            body.put("service", "checkout");
            body.put("version", "4.0." + i);
            body.put("environment", "production");
            body.put("mergedBy", merger);
            body.put("prUrl", "https://git.example.com/pr/" + i);
            body.put("stagingReportPassed", true);
            body.put("rollbackPlanUrl", "https://git.example.com/rollback/" + i);
            post(ownershipUrl, "/deploys", body);
        }
        deploys.add(deployId);
    }

    private void alert(KafkaProducer<String, byte[]> producer, int i) throws Exception {
        String key = "faults-" + run + "-alert-" + i;
        Severity severity = i % 4 == 0 ? Severity.P1 : null;
        if (i % 2 == 0) {
            Instant at = Instant.now();
            publish(producer, VigilEvent.of(URI.create("urn:faults:monitoring"), key, at, "ci-publisher", null, null,
                    new AlertRaised(key, "faults-monitoring", ALERT_SERVICE, "Errors on " + ALERT_SERVICE + " #" + i, null,
                            severity, Signals.none(), null, at)));
        } else {
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("alertKey", key);
            body.put("status", "firing");
            body.put("source", "faults-monitoring");
            body.put("service", ALERT_SERVICE);
            body.put("title", "Errors on " + ALERT_SERVICE + " #" + i);
            if (severity != null) {
                body.put("severity", severity.name());
            }
            post(escalationUrl, "/alerts", body);
        }
        alerts.add(key);
        if (severity != null) {
            p1Alerts.add(key);
        }
    }

    private void publish(KafkaProducer<String, byte[]> producer, VigilEvent<? extends EventPayload> event) throws Exception {
        ProducerRecord<String, byte[]> r = codec.toRecord(event);
        producer.send(new ProducerRecord<>(r.topic(), null, r.key(), r.value(), r.headers())).get();
        publishedIds.add(event.id());
    }

    /** Sent again until answered: 2xx, or 409 when an earlier attempt had been taken before its answer was lost. */
    private void post(Supplier<String> base, String path, Map<String, Object> body) throws Exception {
        byte[] bytes = json.writeValueAsBytes(body);
        for (int attempt = 0; ; attempt++) {
            try {
                HttpRequest request = HttpRequest.newBuilder(URI.create(base.get() + path)).timeout(Duration.ofSeconds(30))
                        .header("Authorization", "Bearer " + Tokens.ofClient("ci-publisher", "ci-publisher-secret"))
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofByteArray(bytes)).build();
                HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() < 300 || (response.statusCode() == 409 && attempt > 0)) {
                    return;
                }
                if (response.statusCode() < 500 && response.statusCode() != 409) {
                    throw new IllegalStateException("POST " + path + " → " + response.statusCode() + ": " + response.body());
                }
            } catch (java.io.IOException down) {
                // the service is down or restarting: send again
            }
            retries.incrementAndGet();
            Thread.sleep(500);
        }
    }
}
