package io.vigil.escalation.rest;

import io.vigil.events.Topics;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * Roster and ownership events as ownership-service publishes them: structured CloudEvents written as JSON, so the
 * test reads like the wire and does not depend on the records' constructors.
 */
final class Published {
    private final Producer<String, byte[]> producer;

    Published(Producer<String, byte[]> producer) {
        this.producer = producer;
    }

    void rotation(LocalDate weekStart, String primary, String secondary, Instant from, Instant to) {
        send(Topics.ROSTER, "vigil.rotation.scheduled.v1", "oncall", """
                {"weekStart":"%s","primary":"%s","secondary":"%s","timeZone":"Europe/Berlin","startsAt":"%s","endsAt":"%s","scheduledAt":"%s"}"""
                .formatted(weekStart, primary, secondary, from, to, from));
    }

    void override(String slot, String person, Instant from, Instant to) {
        send(Topics.ROSTER, "vigil.override.set.v1", "oncall", """
                {"overrideId":"ovr-%s","slot":"%s","person":"%s","from":"%s","to":"%s","reason":"escalation test","setAt":"%s"}"""
                .formatted(UUID.randomUUID(), slot, person, from, to, from));
    }

    void roleGranted(String username, String role, Instant at) {
        send(Topics.ROSTER, "vigil.role.granted.v1", username, """
                {"username":"%s","role":"%s","grantedAt":"%s"}""".formatted(username, role, at));
    }

    void windowAssigned(String deployId, String service, String owner, Instant from, Instant to) {
        send(Topics.OWNERSHIP, "vigil.ownership.assigned.v1", deployId, """
                {"deployId":"%s","service":"%s","owner":"%s","assignedBecause":"named-owner","windowStartsAt":"%s","windowEndsAt":"%s"}"""
                .formatted(deployId, service, owner, from, to));
    }

    private void send(String topic, String type, String subject, String data) {
        String event = """
                {"specversion":"1.0","id":"%s","source":"urn:vigil:ownership-service","type":"%s","subject":"%s","time":"%s",
                 "datacontenttype":"application/json","actor":"admin","data":%s}""".formatted(UUID.randomUUID(), type, subject, Instant.now(), data);
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic, subject, event.getBytes(StandardCharsets.UTF_8));
        record.headers().add("content-type", "application/cloudevents+json".getBytes(StandardCharsets.UTF_8));
        try {
            producer.send(record).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
