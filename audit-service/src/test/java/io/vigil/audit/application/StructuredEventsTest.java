package io.vigil.audit.application;

import io.cloudevents.jackson.JsonFormat;
import io.vigil.events.ContractViolation;
import io.vigil.events.EventCodec;
import io.vigil.events.Envelope;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

/** The one-pass reader agrees with the CloudEvents SDK (EventCodec.decode) on every fixture of the contract. */
class StructuredEventsTest {
    static final Path FIXTURES = Path.of("..", "events", "src", "test", "resources", "fixtures");
    static final JsonFormat SDK = new JsonFormat();
    final EventCodec codec = new EventCodec();
    final StructuredEvents events = new StructuredEvents(codec);

    static List<Path> fixtures() {
        try (Stream<Path> valid = Files.list(FIXTURES.resolve("valid")); Stream<Path> invalid = Files.list(FIXTURES.resolve("invalid"))) {
            List<Path> all = Stream.concat(valid, invalid).sorted().toList();
            assertThat(all).as("the contract's fixtures in %s", FIXTURES.toAbsolutePath()).hasSizeGreaterThan(40);
            return all;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @TestFactory
    Stream<DynamicTest> everyFixtureReadsAsTheSdkReadsIt() {
        return fixtures().stream().map(f -> DynamicTest.dynamicTest(f.getParent().getFileName() + "/" + f.getFileName(), () -> {
            byte[] asWritten = Files.readAllBytes(f);
            byte[] asProduced = SDK.serialize(SDK.deserialize(asWritten)); // compact, as the services produce it
            for (byte[] value : List.of(asWritten, asProduced)) {
                assertThat(StructuredEvents.plain(value)).as("read in one pass, not handed to the SDK").isNotNull();
                assertAgree(structured(), value);
                assertAgree(new RecordHeaders(), value); // no content-type header: structured all the same
            }
        }));
    }

    @TestFactory
    Stream<DynamicTest> everythingElseIsReadOrRefusedAsTheSdkDoes() {
        String base = new String(SDK.serialize(SDK.deserialize(read("valid/vigil.notification.sent.v1.json"))),
                StandardCharsets.UTF_8);
        List<String> variants = List.of(
                base.replace("\"subject\":", "\"subjectx\":"),
                base.replace("\"time\":\"", "\"time\":\"x"),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05:04.5Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05:04.123456789Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05:04.1234567891Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05:04+02:00\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23t10:05:04z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-02-30T10:05:04Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T24:00:00Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T23:59:60Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"+2026-11-23T10:05:04Z\""),
                base.replaceFirst("\"time\":\"[^\"]*\"", "\"time\":\"2026-11-23T10:05:04.Z\""),
                base.replace("\"specversion\":\"1.0\"", "\"specversion\":\"0.3\""),
                base.replace("\"specversion\":\"1.0\",", ""),
                base.replace("\"id\":\"", "\"id\":\"\",\"idx\":\""),
                base.replace("\"source\":\"", "\"source\":\"not a uri "),
                base.replace("\"datacontenttype\":\"application/json\"", "\"datacontenttype\":\"text/plain\""),
                base.replace("\"datacontenttype\":\"application/json\"", "\"datacontenttype\":\"application/json; charset=utf-8\""),
                base.replace("\"actor\":", "\"other\":\"x\",\"actor\":"),
                base.replace("\"actor\":", "\"actor\":7,\"x\":"),
                base.replace("\"actor\":", "\"actor\":\"twice\",\"actor\":"),
                base.replace("\"data\":{", "\"data\":{\"a\":1,\"a\":2,"),
                base.replace("\"data\":{", "\"data\":{\"n\":1.50,\"e\":1E3,\"big\":123456789012345678901234567890,\"u\":\"\\u00e9\\u2028\\\"\",\"x\":null,\"l\":[true,{}],"),
                base.replace("\"data\":{", "\"data\":\"text\",\"x\":{"),
                base.substring(0, base.indexOf("\"data\":")) + "\"data\":null}",
                base.substring(0, base.indexOf(",\"data\":")) + "}",
                base + " trailing",
                "[]",
                "{",
                "");
        return variants.stream().map(v -> DynamicTest.dynamicTest("[" + v + "]", () -> {
            byte[] value = v.getBytes(StandardCharsets.UTF_8);
            assertAgree(structured(), value);
            assertAgree(new RecordHeaders(), value);
        }));
    }

    private void assertAgree(Headers headers, byte[] value) {
        Envelope sdk = null;
        Envelope ours = null;
        Throwable sdkFailure = catchThrowable(() -> codec.decode(headers, value));
        Throwable ourFailure = catchThrowable(() -> events.decode(headers, value));
        if (sdkFailure == null) {
            sdk = codec.decode(headers, value);
        }
        if (ourFailure == null) {
            ours = events.decode(headers, value);
        }
        if (sdk == null) {
            assertThat(ourFailure).as("refused as the SDK refuses it").isInstanceOf(ContractViolation.class)
                    .hasMessage(sdkFailure.getMessage());
            return;
        }
        assertThat(ourFailure).as("read as the SDK reads it").isNull();
        assertThat(ours).usingRecursiveComparison().ignoringFields("data").isEqualTo(sdk);
        assertThat(new String(ours.data(), StandardCharsets.UTF_8)).isEqualTo(new String(sdk.data(), StandardCharsets.UTF_8));
    }

    private static Headers structured() {
        return new RecordHeaders().add("content-type", EventCodec.STRUCTURED_CONTENT_TYPE.getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] read(String fixture) {
        try {
            return Files.readAllBytes(FIXTURES.resolve(fixture));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
