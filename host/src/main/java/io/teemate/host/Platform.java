package io.teemate.host;

import io.teemate.host.container.ContainerManager;
import io.teemate.host.controller.TeeMateController;
import io.teemate.host.driver.SgxDriver;
import io.teemate.host.kernel.Kernel;
import io.teemate.sgx.Machine;

import java.time.Duration;

/**
 * One emulated SGX platform, booted: the machine ({@link Machine#builder()} chooses EPC, processors, fuse keys), the
 * host kernel on it, the SGX driver ({@code /dev/sgx_enclave}) in that kernel, and the TeeMate controller on the
 * driver. Every command, server and benchmark boots its platform here, so the stack is wired in one place.
 */
public record Platform(Machine machine, Kernel kernel, SgxDriver driver, TeeMateController controller) {
    /** Boots the kernel, driver and controller on {@code machine}. */
    public static Platform boot(Machine machine) {
        Kernel kernel = new Kernel(machine);
        SgxDriver driver = new SgxDriver(kernel);
        return new Platform(machine, kernel, driver, new TeeMateController(driver));
    }

    /**
     * A container manager on this platform: {@code tcsTimeout} bounds a wait for a free TCS of a shared enclave,
     * {@code warmPeriod} keeps an idle shared enclave alive for the next container (zero: released at once).
     */
    public ContainerManager containerManager(Duration tcsTimeout, Duration warmPeriod) {
        return new ContainerManager(kernel, driver, controller, tcsTimeout, warmPeriod);
    }
}
