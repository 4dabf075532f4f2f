package io.vigil.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.smallrye.mutiny.TimeoutException;
import io.vigil.events.notifications.Channel;
import jakarta.enterprise.context.ApplicationScoped;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;

/**
 * E-mail over SMTP with Quarkus Mailer (GreenMail locally); the notification id travels as a header. The blocking
 * mailer gives up on a send after {@code quarkus.mailer.timeout}: an SMTP server that accepts the connection and
 * never answers costs one worker that long per attempt, and the attempt is retried like any refusal.
 */
@ApplicationScoped
public class EmailSender implements ChannelSender {
    private final Mailer mailer;
    private final Duration timeout;

    public EmailSender(Mailer mailer, @ConfigProperty(name = "quarkus.mailer.timeout") Duration timeout) {
        this.mailer = mailer;
        this.timeout = timeout;
    }

    @Override
    public Channel channel() {
        return Channel.EMAIL;
    }

    @Override
    public void send(OutgoingMessage m) {
        try {
            mailer.send(Mail.withText(m.address(), EncodedSubject.of(m.subject()), m.body())
                    .addHeader("X-Vigil-Notification-Id", m.notificationId())
                    .addHeader("X-Vigil-Causation-Id", m.causationEventId()));
        } catch (TimeoutException e) {
            throw new DeliveryFailure("SMTP server gave no answer within " + timeout
                    + " (quarkus.mailer.timeout) for the message to " + m.address(), e);
        } catch (RuntimeException e) {
            throw new DeliveryFailure("SMTP refused the message to " + m.address() + ": " + e.getMessage(), e);
        }
    }
}
