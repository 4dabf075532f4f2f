package io.vigil.events.ownership;

/**
 * One item of a checkpoint's checklist (seed 000), e.g. "Health check passing" or "Dead letter count".
 *
 * @param name       the item as the checklist names it
 * @param checked    whether the item is ticked
 * @param value      the answer of an item that asks for one (e.g. a dead-letter count), else null
 * @param fromEvents true when Vigil filled the item in from events (alerts, rollbacks, incidents) rather than the owner
 */
public record ChecklistItem(String name, boolean checked, String value, boolean fromEvents) {
}
