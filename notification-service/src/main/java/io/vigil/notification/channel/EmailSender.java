package io.vigil.notification.channel;

import io.quarkus.mailer.Mail;
import io.quarkus.mailer.Mailer;
import io.vigil.events.notifications.Channel;
import jakarta.enterprise.context.ApplicationScoped;

/** E-mail over SMTP with Quarkus Mailer (GreenMail locally); the notification id travels as a header. */
@ApplicationScoped
public class EmailSender implements ChannelSender {
    private final Mailer mailer;

    public EmailSender(Mailer mailer) {
        this.mailer = mailer;
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
        } catch (RuntimeException e) {
            throw new DeliveryFailure("SMTP refused the message to " + m.address() + ": " + e.getMessage(), e);
        }
    }
}
