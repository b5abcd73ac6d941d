package io.teemate.enclave.runtime;

import io.teemate.abi.RuntimeAbi;
import io.teemate.abi.image.EnclaveBinary;

import java.util.List;

/**
 * A container's program: code compiled into the enclave image (listed in the enclave manifest's {@code apps}) and
 * named by a container manifest's {@code entry}. It runs inside the enclave, sees the world only through its
 * {@link ContainerEnv}, and keeps no state in Java fields: one object serves every container and every enclave.
 */
public interface ContainerApp {
    /** The name container manifests use as {@code entry}. */
    String name();

    /**
     * Runs the container; the result is its exit status. Anything it throws ends only this container, with a status
     * the host can act on without reading text: {@link ContainerFaultException} (its own error, the message for its
     * user) is E_FAULT, {@link ContainerTimeoutException} E_TIMEOUT, a memory limit
     * ({@code EnclaveOutOfMemoryException}) E_NO_MEMORY, anything else a crash, E_CRASHED (the text for the
     * operator).
     */
    int main(ContainerEnv env) throws Exception;

    /** This app as an enclave binary the toolchain can link into a runtime's image: its own class. */
    default EnclaveBinary binary() {
        return new EnclaveBinary(name(), EnclaveBinary.Kind.APP, List.of(getClass()));
    }

    /**
     * A fork ({@link RuntimeAbi#ECALL_FORK}): {@code child} is a new container of the same identity in the same
     * enclave, bound to the child process's TCS; this gives it what it inherits of {@code parent} (its
     * {@link ContainerEnv#local} objects), typically a copy-on-write view of the parent's data. Apps that do not
     * fork refuse.
     */
    default void fork(ContainerEnv parent, ContainerEnv child) {
        throw new UnsupportedOperationException("app " + name() + " does not fork");
    }

    /**
     * Whether a fork child of this app goes on after its parent leaves. By default it does not: ending a container
     * ends the children it forked, so revoking a container revokes every copy of its identity and keys (a child
     * still running a call is ended when that call returns).
     */
    default boolean childOutlivesParent() {
        return false;
    }
}
