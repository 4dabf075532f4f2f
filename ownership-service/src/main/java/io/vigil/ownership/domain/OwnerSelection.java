package io.vigil.ownership.domain;

/** Seed 000 §1: the person who merges the deploy PR is the default owner, unless another owner is named. */
public final class OwnerSelection {
    public static final String MERGED_THE_PR = "merged-the-pr";
    public static final String NAMED_OWNER = "named-owner";

    public record Choice(String owner, String because) {
    }

    public static Choice choose(String mergedBy, String namedOwner) {
        return namedOwner == null || namedOwner.isBlank()
                ? new Choice(mergedBy, MERGED_THE_PR)
                : new Choice(namedOwner, NAMED_OWNER);
    }

    private OwnerSelection() {
    }
}
