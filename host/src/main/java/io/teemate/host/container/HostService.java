package io.teemate.host.container;

import io.teemate.abi.RuntimeAbi;

import java.io.IOException;

/**
 * A service of the host's platform that a container's trusted code reaches through {@link RuntimeAbi#OCALL_SERVICE}
 * (an HTTP fetch, a database): what the enclave cannot do itself, having no network. Registered by name on the
 * {@link ContainerManager}.
 * <p>The request comes from a container's code, which is a tenant's: a service checks it as it would a request from
 * the network, and never trusts its sizes or names. The container in turn trusts none of the reply.
 */
@FunctionalInterface
public interface HostService {
    /**
     * The most reply bytes one call carries: the ocall buffer less its result slot. A longer reply is refused
     * (-E2BIG to the container), so a service that has more answers in parts the request asks for.
     */
    int MAX_REPLY = RuntimeChannel.OCALL_CAPACITY - RuntimeAbi.OCALL_HEADER;

    /**
     * Answers {@code request} for the container named {@code containerName} (its manifest's name).
     *
     * @throws IOException              the service failed (the container sees -EIO)
     * @throws IllegalArgumentException the request is malformed (the container sees -EINVAL)
     */
    byte[] serve(String containerName, byte[] request) throws IOException;
}
