package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;

import java.nio.charset.StandardCharsets;

/** An ecall's outcome: the runtime's status and its response (a message when the status is an error). */
public record EcallReply(long status, byte[] body) {
    public boolean ok() {
        return status == RuntimeAbi.OK;
    }

    public String message() {
        return new String(body, StandardCharsets.UTF_8);
    }

    /** The body, or a {@link ContainerException} carrying the runtime's refusal. */
    public byte[] orThrow(String what) {
        if (!ok()) {
            throw new ContainerException(what + ": " + RuntimeAbi.statusName(status) + ": " + message(), status);
        }
        return body;
    }
}
