package io.vigil.escalation.domain;

import io.vigil.events.Severity;
import io.vigil.events.alerts.Signals;
import io.vigil.policy.Policy;
import io.vigil.policy.PolicyLoader;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import static org.assertj.core.api.Assertions.assertThat;

/** Seed 001 §4.1 through the policy table, at its boundaries. */
class SeverityClassificationTest {
    static final Policy POLICY = new PolicyLoader().loadDefault().policy();

    @ParameterizedTest(name = "errorRate={0} cb={1}s corrupt={2} clients={3} all={4} scope={5} explicit={6} -> {7} by {8}")
    @CsvSource(nullValues = "-", value = {
            "20,    -,   -,    -, -,    -,             -,  P3, severity.P3.otherwise",
            "20.01, -,   -,    -, -,    -,             -,  P2, severity.P2.error-rate-above-20",
            "-,     300, -,    -, -,    -,             -,  P3, severity.P3.otherwise",
            "-,     301, -,    -, -,    -,             -,  P1, severity.P1.circuit-breaker-open",
            "-,     -,   true, -, -,    -,             -,  P1, severity.P1.data-corruption",
            "-,     -,   -,    -, true, -,             -,  P1, severity.P1.all-clients",
            "-,     -,   -,    -, -,    global,        -,  P1, severity.P1.global-failure",
            "-,     -,   -,    -, -,    workspace:w-7, -,  P2, severity.P2.workspace-wide",
            "-,     -,   -,    1, -,    -,             -,  P3, severity.P3.otherwise",
            "-,     -,   -,    2, -,    -,             -,  P2, severity.P2.several-clients",
            "50,    301, -,    -, -,    -,             -,  P1, severity.P1.circuit-breaker-open",
            "-,     -,   -,    -, -,    -,             P1, P1, severity.explicit-raises-only",
            "-,     -,   -,    -, -,    -,             P2, P2, severity.explicit-raises-only",
            "-,     -,   -,    -, -,    -,             P3, P3, severity.P3.otherwise",
            "-,     301, -,    -, -,    -,             P3, P1, severity.P1.circuit-breaker-open",
            "25,    -,   -,    -, -,    -,             P1, P1, severity.explicit-raises-only",
            "25,    -,   -,    -, -,    -,             P2, P2, severity.P2.error-rate-above-20",
    })
    void shouldClassifyBySignalsAndLetAnExplicitSeverityOnlyRaise(Double errorRate, Long cbSeconds, Boolean corrupt, Integer clients,
                                                                  Boolean all, String scope, Severity explicit, Severity expected, String rule) {
        SeverityClassification c = SeverityClassification.of(POLICY.severity(),
                new Signals(errorRate, cbSeconds, corrupt, clients, all, scope), explicit);
        assertThat(c.severity()).isEqualTo(expected);
        assertThat(c.rule().ruleId()).isEqualTo(rule);
    }
}
