package io.vigil.notification.channel;

/** The channel did not take the message; it is tried again later. */
public class DeliveryFailure extends RuntimeException {
    public DeliveryFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public DeliveryFailure(String message) {
        super(message);
    }
}
