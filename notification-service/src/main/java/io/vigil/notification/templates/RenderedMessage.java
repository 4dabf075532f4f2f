package io.vigil.notification.templates;

/** A message ready to send: its first line is the subject, the whole text the body. */
public record RenderedMessage(String template, String subject, String body) {
    public static RenderedMessage of(String template, String text) {
        String body = text.strip() + "\n";
        int end = body.indexOf('\n');
        return new RenderedMessage(template, body.substring(0, end), body);
    }
}
