package io.vigil.scenarios;

import java.net.URI;
import java.util.List;

/**
 * Where the running system answers (make up's defaults, DESIGN §6); each address can be moved with an environment
 * variable or a system property of the same meaning, e.g. VIGIL_OWNERSHIP_URL / vigil.ownership.url.
 */
public record VigilSystem(URI ownership, URI escalation, URI notification, URI audit, URI keycloakRealm,
                          String kafka, URI smtpApi, URI alertmanager) {

    public static VigilSystem local() {
        return new VigilSystem(
                uri("ownership.url", "http://127.0.0.1:8081"),
                uri("escalation.url", "http://127.0.0.1:8082"),
                uri("notification.url", "http://127.0.0.1:8083"),
                uri("audit.url", "http://127.0.0.1:8084"),
                uri("keycloak.realm", "http://127.0.0.1:8180/realms/vigil"),
                setting("kafka.bootstrap", "127.0.0.1:9092"),
                uri("smtp.api", "http://127.0.0.1:8025"),
                uri("alertmanager.url", "http://127.0.0.1:9095"));
    }

    public List<URI> services() {
        return List.of(ownership, escalation, notification, audit);
    }

    private static URI uri(String key, String fallback) {
        return URI.create(setting(key, fallback));
    }

    private static String setting(String key, String fallback) {
        String property = System.getProperty("vigil." + key);
        if (property != null && !property.isBlank()) {
            return property;
        }
        String env = System.getenv("VIGIL_" + key.toUpperCase().replace('.', '_'));
        return env != null && !env.isBlank() ? env : fallback;
    }
}
