package io.teemate.host;

import io.teemate.host.kernel.AnonymousMemory;
import io.teemate.host.kernel.Errno;
import io.teemate.host.kernel.Kernel;
import io.teemate.host.kernel.KernelException;
import io.teemate.host.kernel.Process;
import io.teemate.host.kernel.SegmentationFault;
import io.teemate.sgx.Machine;
import io.teemate.sgx.struct.PagePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Processes: private address spaces filled on fault, mount namespaces, and teardown at exit. */
class KernelTest {
    private final Machine machine =
            Machine.builder().epcMiB(1).logicalProcessors(2).seed(1).build();
    private final Kernel kernel = new Kernel(machine);

    @Test
    void eachProcessHasItsOwnMemory() {
        Process a = kernel.spawn("a", Path.of("/tmp"));
        Process b = kernel.spawn("b", Path.of("/tmp"));
        for (Process p : new Process[] {a, b}) {
            p.addressSpace().mmap(0x10000, 2 * 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
        }
        a.run(ctx -> {
            ctx.writeLong(0x10008, 41);
            return null;
        });
        b.run(ctx -> {
            ctx.writeLong(0x10008, 42);
            return null;
        });
        assertThat((long) a.<Long>run(ctx -> ctx.readLong(0x10008))).isEqualTo(41);
        assertThat((long) b.<Long>run(ctx -> ctx.readLong(0x10008))).isEqualTo(42);
        assertThat(a.addressSpace().mappedPages())
                .as("filled on first touch only")
                .isEqualTo(1);
        assertThatThrownBy(() -> a.run(ctx -> ctx.readLong(0x20000))).isInstanceOf(SegmentationFault.class);
    }

    @Test
    void protectionIsEnforcedThroughThePageTable() {
        Process a = kernel.spawn("a", Path.of("/tmp"));
        a.addressSpace().mmap(0x10000, 4096, PagePermissions.R, new AnonymousMemory(machine.dram()));
        assertThat((long) a.<Long>run(ctx -> ctx.readLong(0x10000))).isZero();
        assertThatThrownBy(() -> a.run(ctx -> {
                    ctx.writeLong(0x10000, 1);
                    return null;
                }))
                .isInstanceOf(SegmentationFault.class)
                .hasMessageContaining("read-only");
    }

    @Test
    void mountNamespacesShowDifferentFilesAndCannotBeEscaped(@TempDir Path dir) throws IOException {
        Path rootA = Files.createDirectories(dir.resolve("a/etc"));
        Path rootB = Files.createDirectories(dir.resolve("b/etc"));
        Files.writeString(rootA.resolve("hostname"), "alpha");
        Files.writeString(rootB.resolve("hostname"), "beta");
        Files.writeString(dir.resolve("secret"), "host only");
        Process a = kernel.spawn("a", dir.resolve("a"));
        Process b = kernel.spawn("b", dir.resolve("b"));
        assertThat(new String(a.readFile("/etc/hostname"))).isEqualTo("alpha");
        assertThat(new String(b.readFile("/etc/hostname"))).isEqualTo("beta");
        assertThatThrownBy(() -> a.readFile("/../secret"))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EACCES));
        assertThatThrownBy(() -> a.readFile("/etc/missing")).hasMessageContaining("cannot read /etc/missing");
    }

    @Test
    void exitTearsDownMappingsAndRunsHooks() {
        Process a = kernel.spawn("a", Path.of("/tmp"));
        a.addressSpace().mmap(0x10000, 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
        a.run(ctx -> ctx.readLong(0x10000));
        int framesBefore = machine.dram().allocatedFrames();
        boolean[] hookRan = {false};
        a.onExit(p -> hookRan[0] = true);
        a.exit();
        assertThat(hookRan[0]).isTrue();
        assertThat(a.addressSpace().vmas()).isEmpty();
        assertThat(machine.dram().allocatedFrames()).isEqualTo(framesBefore - 1);
        assertThat(kernel.processes()).doesNotContain(a);
        assertThatThrownBy(() -> a.run(ctx -> 0))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.ESRCH));
    }

    @Test
    void overlappingMappingsAreRefused() {
        Process a = kernel.spawn("a", Path.of("/tmp"));
        a.addressSpace().mmap(0x10000, 2 * 4096, PagePermissions.RW, new AnonymousMemory(machine.dram()));
        assertThatThrownBy(() ->
                        a.addressSpace().mmap(0x11000, 4096, PagePermissions.RW, new AnonymousMemory(machine.dram())))
                .isInstanceOfSatisfying(
                        KernelException.class, e -> assertThat(e.errno()).isEqualTo(Errno.EEXIST));
    }
}
