package io.vigil.audit.application;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.util.ByteArrayBuilder;
import io.cloudevents.types.Time;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;

/**
 * Reads a structured-mode CloudEvent in one streaming pass: the attributes the contract requires are checked and
 * {@code data} is copied as compact JSON, without building the SDK's event and a tree of the data. Only the plain
 * case is read here — specversion 1.0, string attributes of the contract, an object as data, no duplicate keys;
 * anything else (binary mode, other attributes, a missing or malformed one) goes to {@link EventCodec#decode},
 * so the result and every refusal are the SDK's. Tested to agree with the SDK on every fixture of the contract.
 */
final class StructuredEvents {
    private static final byte[] STRUCTURED = EventCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.US_ASCII);
    private static final JsonFactory JSON = JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    private final EventCodec codec;

    StructuredEvents(EventCodec codec) {
        this.codec = codec;
    }

    /** As {@link EventCodec#decode(Headers, byte[])}, faster for the structured events Vigil's services write. */
    Envelope decode(Headers headers, byte[] value) {
        if (structured(headers, value)) {
            Envelope plain = plain(value);
            if (plain != null) {
                return plain;
            }
        }
        return codec.decode(headers, value);
    }

    /** Structured mode, as EventCodec tells it: the content type says so, or no header says anything and it is an object. */
    private static boolean structured(Headers headers, byte[] value) {
        if (value == null || value.length == 0) {
            return false;
        }
        Header contentType = headers.lastHeader("content-type");
        if (contentType == null) {
            return headers.lastHeader("ce_specversion") == null && value[0] == '{';
        }
        return Arrays.equals(contentType.value(), STRUCTURED);
    }

    /** The event, or null when it is anything but the plain case (the SDK then reads it, or says why not). */
    static Envelope plain(byte[] value) {
        String specversion = null;
        String id = null;
        String source = null;
        String type = null;
        String subject = null;
        String time = null;
        String dataContentType = null;
        String actor = null;
        String correlationId = null;
        String causationId = null;
        String traceparent = null;
        byte[] data = null;
        try (JsonParser p = JSON.createParser(value)) {
            if (p.nextToken() != JsonToken.START_OBJECT) {
                return null;
            }
            JsonToken token;
            while ((token = p.nextToken()) == JsonToken.FIELD_NAME) {
                String name = p.currentName();
                JsonToken v = p.nextToken();
                if ("data".equals(name)) {
                    if (v != JsonToken.START_OBJECT) {
                        return null;
                    }
                    data = copy(p);
                    continue;
                }
                if (v != JsonToken.VALUE_STRING) {
                    return null;
                }
                String text = p.getText();
                switch (name) {
                    case "specversion" -> specversion = text;
                    case "id" -> id = text;
                    case "source" -> source = text;
                    case "type" -> type = text;
                    case "subject" -> subject = text;
                    case "time" -> time = text;
                    case "datacontenttype" -> dataContentType = text;
                    case "actor" -> actor = text;
                    case "correlationid" -> correlationId = text;
                    case "causationid" -> causationId = text;
                    case "traceparent" -> traceparent = text;
                    default -> {
                        return null;
                    }
                }
            }
            if (token != JsonToken.END_OBJECT || !"1.0".equals(specversion) || blank(id) || blank(source) || blank(type)
                    || subject == null || time == null || dataContentType == null
                    || !dataContentType.startsWith(EventCodec.DATA_CONTENT_TYPE) || data == null) {
                return null;
            }
            Instant at = utc(time);
            return new Envelope(id, new URI(source), type, subject, at != null ? at : Time.parseTime("time", time).toInstant(),
                    actor, correlationId, causationId, traceparent, data);
        } catch (IOException | URISyntaxException | RuntimeException notPlain) {
            return null;
        }
    }

    /**
     * {@code yyyy-MM-ddTHH:mm:ss[.fraction]Z}, the form Vigil's services write, read without a formatter; null for
     * any other form (an offset, a leap second, an impossible date), which the SDK's parser then reads or refuses.
     */
    static Instant utc(String t) {
        int n = t.length();
        if (n < 20 || n > 30 || t.charAt(4) != '-' || t.charAt(7) != '-' || t.charAt(10) != 'T' || t.charAt(13) != ':'
                || t.charAt(16) != ':' || t.charAt(n - 1) != 'Z') {
            return null;
        }
        int year = digits(t, 0, 4);
        int month = digits(t, 5, 2);
        int day = digits(t, 8, 2);
        int hour = digits(t, 11, 2);
        int minute = digits(t, 14, 2);
        int second = digits(t, 17, 2);
        int nanos = 0;
        if (n > 20) {
            int fraction = n - 21;
            if (t.charAt(19) != '.' || fraction < 1 || fraction > 9) {
                return null;
            }
            nanos = digits(t, 20, fraction);
            for (int k = fraction; k < 9 && nanos >= 0; k++) {
                nanos *= 10;
            }
        }
        if (year < 0 || month < 1 || month > 12 || day < 1 || day > 31 || hour < 0 || hour > 23 || minute < 0 || minute > 59
                || second < 0 || second > 59 || nanos < 0) {
            return null;
        }
        try {
            long days = LocalDate.of(year, month, day).toEpochDay();
            return Instant.ofEpochSecond(days * 86_400 + hour * 3_600L + minute * 60L + second, nanos);
        } catch (DateTimeException impossible) {
            return null;
        }
    }

    /** The decimal number in {@code t[from, from + count)}, or -1 if a character is not a digit. */
    private static int digits(String t, int from, int count) {
        int v = 0;
        for (int k = from; k < from + count; k++) {
            char c = t.charAt(k);
            if (c < '0' || c > '9') {
                return -1;
            }
            v = v * 10 + (c - '0');
        }
        return v;
    }

    private static boolean blank(String s) {
        return s == null || s.isEmpty();
    }

    private static byte[] copy(JsonParser p) throws IOException {
        ByteArrayBuilder out = new ByteArrayBuilder(512);
        try (JsonGenerator g = JSON.createGenerator(out)) {
            g.copyCurrentStructure(p);
        }
        return out.toByteArray();
    }
}
