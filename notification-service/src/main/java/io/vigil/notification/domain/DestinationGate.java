package io.vigil.notification.domain;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

/**
 * Which destinations (a channel and an address: a mailbox, a Slack webhook, a webhook URL) may be sent to now.
 * One message at a time per destination; at most the channel's messages a minute to it, spaced evenly (Slack's
 * incoming webhooks take one a second); after a failed attempt the destination rests for {@code rest}, so its
 * other messages wait instead of failing against it too. Messages to other destinations are never held up.
 * Thread-safe; the state is this instance's own.
 */
public final class DestinationGate {
    private record Destination(String channel, String address) {
    }

    private final Map<String, Duration> spacing = new HashMap<>();
    private final Duration rest;
    private final Set<Destination> inFlight = new HashSet<>();
    private final Map<Destination, Instant> notBefore = new HashMap<>();

    /** {@code perMinute}: messages a minute at most to one destination, by channel; every channel sent on needs one. */
    public DestinationGate(Map<String, Integer> perMinute, Duration rest) {
        perMinute.forEach((channel, rate) -> {
            if (rate < 1) {
                throw new IllegalArgumentException("per-destination-per-minute." + channel + " must be at least 1, not " + rate);
            }
            spacing.put(channel, Duration.ofMinutes(1).dividedBy(rate));
        });
        this.rest = rest;
    }

    /** The addresses of the channel that must not be sent to at {@code now}. */
    public synchronized Set<String> closed(String channel, Instant now) {
        Set<String> closed = new HashSet<>();
        inFlight.stream().filter(d -> d.channel().equals(channel)).forEach(d -> closed.add(d.address()));
        notBefore.forEach((d, at) -> {
            if (d.channel().equals(channel) && now.isBefore(at)) {
                closed.add(d.address());
            }
        });
        return closed;
    }

    /**
     * When the first destination of the channel that waits out its spacing or rest opens again, if that is after
     * {@code now}; in-flight destinations are not counted (their sender goes on by itself).
     */
    public synchronized java.util.Optional<Instant> nextOpening(String channel, Instant now) {
        return notBefore.entrySet().stream()
                .filter(e -> e.getKey().channel().equals(channel) && now.isBefore(e.getValue()) && !inFlight.contains(e.getKey()))
                .map(Map.Entry::getValue).min(Instant::compareTo);
    }

    /** Takes the destination for one send; false when it is busy or not open yet. */
    public synchronized boolean take(String channel, String address, Instant now) {
        Destination d = new Destination(channel, address);
        Instant at = notBefore.get(d);
        if (inFlight.contains(d) || (at != null && now.isBefore(at))) {
            return false;
        }
        Duration every = spacing.get(channel);
        if (every == null) {
            throw new IllegalArgumentException("no rate for the channel " + channel);
        }
        inFlight.add(d);
        notBefore.put(d, now.plus(every));
        return true;
    }

    /** The send is over; a failure rests the destination. */
    public synchronized void release(String channel, String address, boolean failed, Instant now) {
        Destination d = new Destination(channel, address);
        inFlight.remove(d);
        if (failed) {
            notBefore.merge(d, now.plus(rest), (a, b) -> a.isAfter(b) ? a : b);
        }
        if (notBefore.size() > 10_000) {
            notBefore.values().removeIf(t -> !now.isBefore(t));
        }
    }
}
