package dev.notary4j.tuf.json;

/** What the envelope writer needs from a signature. */
public interface EnvelopeSignature {
    String keyId();

    String method();

    /** Signature bytes; null is written as JSON null (as Go writes a nil slice). */
    byte[] sig();
}
