package io.teemate.faas.enclave;

import io.teemate.faas.abi.WasmEngine;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;

/** The enclave's module cache is bounded: least recently used modules go, and come back (recompiled) when asked for. */
class ModuleCacheTest {
    /** A distinct, valid module: an empty _start and a data segment that makes its bytes (and hash) its own. */
    private static byte[] module(int n) {
        byte[] marker = ("m" + n).getBytes(StandardCharsets.US_ASCII);
        java.io.ByteArrayOutputStream b = new java.io.ByteArrayOutputStream();
        b.writeBytes(new byte[] {0, 'a', 's', 'm', 1, 0, 0, 0});
        b.writeBytes(new byte[] {1, 4, 1, 0x60, 0, 0}); // type: () -> ()
        b.writeBytes(new byte[] {3, 2, 1, 0}); // function 0 of type 0
        b.writeBytes(new byte[] {5, 3, 1, 0, 1}); // memory: min 1
        b.writeBytes(new byte[] {7, 10, 1, 6, '_', 's', 't', 'a', 'r', 't', 0, 0}); // export "_start"
        b.writeBytes(new byte[] {10, 4, 1, 2, 0, 0x0b}); // code: empty body
        int seg = 1 + 3 + 1 + marker.length; // flags, i32.const 0 end, length, bytes
        b.writeBytes(new byte[] {11, (byte) (1 + seg), 1, 0, 0x41, 0, 0x0b, (byte) marker.length});
        b.writeBytes(marker);
        return b.toByteArray();
    }

    private static byte[] identity(int n) {
        byte[] id = new byte[32];
        id[0] = (byte) n;
        id[1] = (byte) (n >> 8);
        return id;
    }

    private static LoadedModule get(ModuleCache cache, int n) {
        return cache.forContainer(identity(n), () -> module(n), WasmEngine.INTERPRETER);
    }

    @Test
    void theLeastRecentlyUsedModuleIsEvictedPastTheBoundAndReloadedWhenAskedForAgain() {
        ModuleCache cache = new ModuleCache(3, Long.MAX_VALUE);
        LoadedModule m0 = get(cache, 0);
        get(cache, 1);
        get(cache, 2);
        assertThat(get(cache, 0)).as("a hit: same object").isSameAs(m0); // 0 is now the most recently used
        get(cache, 3); // evicts 1, the least recently used
        ModuleCache.Stats s = cache.stats();
        assertThat(s.modules()).isEqualTo(3);
        assertThat(s.evictions()).isEqualTo(1);
        assertThat(s.cacheMisses()).isEqualTo(4);
        assertThat(s.cacheHits()).isEqualTo(1);
        assertThat(s.moduleLoads()).isEqualTo(4);

        assertThat(get(cache, 0)).as("still cached").isSameAs(m0);
        assertThat(get(cache, 2).module()).isNotNull();
        assertThat(cache.stats().moduleLoads()).as("0 and 2 were kept").isEqualTo(4);
        LoadedModule again = get(cache, 1);
        assertThat(again.module()).as("the evicted module loads again").isNotNull();
        s = cache.stats();
        assertThat(s.moduleLoads()).isEqualTo(5);
        assertThat(s.cacheMisses()).isEqualTo(5);
        assertThat(s.cacheHits()).isEqualTo(3);
        assertThat(s.evictions()).as("3 was the least recently used then").isEqualTo(2);
        assertThat(s.modules()).isEqualTo(3);
    }

    @Test
    void theCacheIsAlsoBoundedByTheBytesOfItsModules() {
        long size = module(0).length;
        ModuleCache cache = new ModuleCache(100, 2 * size + 1);
        for (int n = 0; n < 5; n++) {
            get(cache, n);
        }
        ModuleCache.Stats s = cache.stats();
        assertThat(s.modules()).isEqualTo(2);
        assertThat(s.cachedBytes()).isLessThanOrEqualTo(2 * size + 1);
        assertThat(s.evictions()).isEqualTo(3);
    }
}
