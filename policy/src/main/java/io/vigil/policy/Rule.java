package io.vigil.policy;

/** A part of the policy that can decide something; its id is stable across versions of the document. */
public interface Rule {
    String ruleId();
}
