package io.vigil.events.killswitch;

/**
 * The checks done before a resume (seed 001 §5.3); which are needed depends on what is resumed.
 *
 * @param testUploadPassed      a test upload passed (every pause)
 * @param metricsChecked        metrics were checked (pause over an hour)
 * @param revalidationPassed    full P0 revalidation passed (rollback)
 * @param investigationComplete the investigation is complete (data-integrity event)
 */
public record Verification(
        Boolean testUploadPassed,
        Boolean metricsChecked,
        Boolean revalidationPassed,
        Boolean investigationComplete) {
}
