package io.vigil.policy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class PolicyLoaderTest {
    private final PolicyLoader loader = new PolicyLoader();

    @TempDir
    Path dir;

    @Test
    void shouldLoadTheBuiltInDocumentWhenNoFileIsGiven() {
        PolicyDocument document = loader.load(Optional.empty());

        assertThat(document.source()).isEqualTo("classpath:policy/policy.yaml");
        assertThat(document.version()).isEqualTo("2026.11.0");
        assertThat(document.tree().path("version").asText()).isEqualTo("2026.11.0");
    }

    @Test
    void shouldLoadAnOverrideThatChangesOneNumberWithThatNumber() throws IOException {
        Path file = write("policy.yaml", defaultText().replace("errorRatePctAbove: 20", "errorRatePctAbove: 25"));

        PolicyDocument document = loader.load(Optional.of(file));

        assertThat(document.source()).isEqualTo(file.toAbsolutePath().toString());
        assertThat(document.policy().severity().rules())
                .filteredOn(r -> r.ruleId().equals("severity.P2.error-rate-above-20")).singleElement()
                .satisfies(r -> assertThat(r.when().errorRatePctAbove()).isEqualByComparingTo("25"));
        assertThat(document.policy().severity().classify(24.0, null, null, null, null, null).ruleId())
                .isEqualTo("severity.P3.otherwise");
        assertThat(document.policy().ladder().p1().steps()).hasSize(4);
    }

    @Test
    void shouldLoadAnOverrideWrittenAsJson() throws IOException {
        String json = new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(loader.loadDefault().tree())
                .replace("\"within\":\"PT15M\",\"escalatesTo\":\"on-call-secondary\"",
                        "\"within\":\"PT10M\",\"escalatesTo\":\"on-call-secondary\"");
        Path file = write("policy.json", json);

        Policy policy = loader.load(file).policy();

        assertThat(policy.oncall().responseTarget(Role.ON_CALL_PRIMARY).within()).hasMinutes(10);
    }

    @Test
    void shouldNameTheFileAndTheFieldOfAWrongType() throws IOException {
        Path file = write("wrong-type.yaml", defaultText().replace("length: PT48H", "length: 48"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("/ownership/window/length: ")
                .hasMessageContaining("string");
    }

    @Test
    void shouldRefuseAnUnknownField() throws IOException {
        Path file = write("typo.yaml", defaultText().replace("    mayLower: false", "    mayLowr: false\n    mayLower: false"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems())
                        .containsExactly("/severity/explicit/mayLowr: is not a field of the policy document here (a typo?)"));
    }

    @Test
    void shouldRefuseADocumentWithoutARequiredField() throws IOException {
        Path file = write("missing.yaml", defaultText().replace("    noFeatureWork: true\n", ""));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems())
                        .containsExactly("/ownership/stabilizationDuty/noFeatureWork: is required"));
    }

    @Test
    void shouldRefuseADurationThatIsNotIso8601() throws IOException {
        Path file = write("duration.yaml", defaultText().replace(
                "{ ruleId: ladder.P1.step1, after: PT15M,", "{ ruleId: ladder.P1.step1, after: 15min,"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).startsWith("/ladder/P1/steps/1/after: ").contains("pattern")));
    }

    @Test
    void shouldRefuseAnUnknownRole() throws IOException {
        Path file = write("role.yaml", defaultText().replace(
                "action: pause-short,    execute: [on-call]", "action: pause-short,    execute: [on-cal]"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p).startsWith("/killswitch/actions/0/execute/0: ")));
    }

    @Test
    void shouldRefuseARolloutThresholdWithoutItsMetric() throws IOException {
        Path file = write("threshold.yaml", defaultText().replace(
                "{ ruleId: rollout.pause.p99, p99RatioAboveBaseline: 1.10 }", "{ ruleId: rollout.pause.p99 }"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/rollout/pause/1: must set exactly one of errorRatePpAboveBaseline, p99RatioAboveBaseline,"
                                + " failedHealthChecksAtLeast"));
    }

    @Test
    void shouldRefuseAnApprovalAfterActivationWithoutItsDeadline() throws IOException {
        Path file = write("approval.yaml", defaultText().replace(
                "{ role: ingestion-owner, timing: after-activation, within: PT15M }",
                "{ role: ingestion-owner, timing: after-activation }"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems())
                        .containsExactly("/killswitch/scenarios/2/approvals/0/within: is required"));
    }

    @Test
    void shouldRefuseCadenceBandsWithAGap() throws IOException {
        Path file = write("gap.yaml", defaultText().replace("from: PT4H,  to: PT24H", "from: PT5H,  to: PT24H"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/ownership/checks/cadence/1/from: must be PT4H, the end of band 0: bands must be contiguous"));
    }

    @Test
    void shouldRefuseCadenceBandsThatStopBeforeTheWindowEnds() throws IOException {
        Path file = write("short.yaml", defaultText().replace("from: PT24H, to: PT48H", "from: PT24H, to: PT36H"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/ownership/checks/cadence/2/to: must be PT48H: the bands must cover the whole window"));
    }

    @Test
    void shouldRefuseLadderStepsOutOfOrder() throws IOException {
        Path file = write("ladder.yaml", defaultText().replace(
                "{ ruleId: ladder.P1.step2, after: PT30M,", "{ ruleId: ladder.P1.step2, after: PT10M,"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/ladder/P1/steps/2/after: must be later than step 1 (PT15M): steps are in ascending time"));
    }

    @Test
    void shouldRefuseARuleIdUsedTwice() throws IOException {
        Path file = write("duplicate.yaml", defaultText().replace("ruleId: ladder.P2.step0", "ruleId: ladder.P1.step0"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/ladder/P2/steps/0/ruleId: rule id 'ladder.P1.step0' is already used at /ladder/P1/steps/0/ruleId;"
                                + " rule ids must be unique"));
    }

    @Test
    void shouldRefuseAKillSwitchScenarioListedTwice() throws IOException {
        Path file = write("scenario.yaml", defaultText().replace(
                "scenario: client-request\n", "scenario: planned-maintenance\n"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).containsExactly(
                        "/killswitch/scenarios/4/scenario: 'planned-maintenance' appears already at /killswitch/scenarios/3",
                        "/killswitch/scenarios: has no entry for 'client-request'"));
    }

    @Test
    void shouldRefuseAnUnknownTimeZone() throws IOException {
        Path file = write("zone.yaml", defaultText().replace(
                "    zone: Europe/Berlin                      # DST", "    zone: Europe/Atlantis                    # DST"));

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOfSatisfying(InvalidPolicy.class, e -> assertThat(e.problems()).singleElement()
                        .satisfies(p -> assertThat(p).startsWith("/oncall/rotation/zone: ")));
    }

    @Test
    void shouldNameTheLineOfAFileThatIsNotYaml() throws IOException {
        Path file = write("broken.yaml", "version: \"2026.11.0\"\nownership: [unclosed\n");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("line ")
                .hasMessageContaining("cannot be parsed");
    }

    @Test
    void shouldNameAFileThatDoesNotExist() {
        Path file = dir.resolve("absent.yaml");

        assertThatThrownBy(() -> loader.load(file))
                .isInstanceOf(InvalidPolicy.class)
                .hasMessageContaining(file.toAbsolutePath().toString())
                .hasMessageContaining("cannot read the file");
    }

    static String defaultText() {
        try (InputStream in = PolicyLoaderTest.class.getResourceAsStream("/policy/policy.yaml")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private Path write(String name, String content) throws IOException {
        return Files.writeString(dir.resolve(name), content);
    }
}
