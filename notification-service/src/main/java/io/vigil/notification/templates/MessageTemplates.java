package io.vigil.notification.templates;

import io.quarkus.qute.Engine;
import io.quarkus.qute.Template;
import io.vigil.notification.domain.MessageTemplate;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.Map;

/**
 * The Qute templates of {@code notification-templates/}, parsed once. A plain class so the layouts are tested
 * without Quarkus; the templates are plain text, so nothing is HTML-escaped.
 */
public final class MessageTemplates {
    private final Map<MessageTemplate, Template> templates = new EnumMap<>(MessageTemplate.class);

    public MessageTemplates() {
        Engine engine = Engine.builder().addDefaults().strictRendering(true).build();
        for (MessageTemplate t : MessageTemplate.values()) {
            templates.put(t, engine.parse(read("notification-templates/" + t.id() + ".txt")));
        }
    }

    public RenderedMessage render(MessageTemplate template, Map<String, Object> values) {
        var instance = templates.get(template).instance();
        values.forEach(instance::data);
        return RenderedMessage.of(template.id(), instance.render());
    }

    private static String read(String path) {
        try (InputStream in = MessageTemplates.class.getClassLoader().getResourceAsStream(path)) {
            if (in == null) {
                throw new IllegalStateException("template " + path + " is missing");
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
