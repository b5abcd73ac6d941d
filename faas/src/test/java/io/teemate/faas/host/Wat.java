package io.teemate.faas.host;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

/** Small WASI command modules in WebAssembly text, written for the tests. */
final class Wat {
    private Wat() {}

    private static final String WASI = """
              (import "wasi_snapshot_preview1" "fd_read" (func $fd_read (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "fd_write" (func $fd_write (param i32 i32 i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
            """;

    /** Copies standard input to standard output (iovec at 0, count at 8, buffer from 64). */
    static final String ECHO = """
            (module
            %s
              (memory (export "memory") 1)
              (func (export "_start")
                (local $n i32)
                (loop $again
                  (i32.store (i32.const 0) (i32.const 64))
                  (i32.store (i32.const 4) (i32.const 4096))
                  (drop (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8)))
                  (local.set $n (i32.load (i32.const 8)))
                  (if (i32.gt_u (local.get $n) (i32.const 0))
                    (then
                      (i32.store (i32.const 4) (local.get $n))
                      (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                      (br $again))))))
            """.formatted(WASI);

    /** Writes its whole environment block ("K=V\\0K=V\\0...") to standard output, then its arguments the same way. */
    static final String ENVIRON = """
            (module
              (import "wasi_snapshot_preview1" "environ_sizes_get" (func $env_sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "environ_get" (func $env_get (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_sizes_get" (func $args_sizes (param i32 i32) (result i32)))
              (import "wasi_snapshot_preview1" "args_get" (func $args_get (param i32 i32) (result i32)))
            %s
              (memory 1)
              (func $dump (param $sizes i32) (param $get i32)
                ;; counts at 0, bytes at 4; pointers at 1024; strings at 8192; iovec at 16
                (if (local.get $get)
                  (then (drop (call $args_sizes (i32.const 0) (i32.const 4)))
                        (drop (call $args_get (i32.const 1024) (i32.const 8192))))
                  (else (drop (call $env_sizes (i32.const 0) (i32.const 4)))
                        (drop (call $env_get (i32.const 1024) (i32.const 8192)))))
                (i32.store (i32.const 16) (i32.const 8192))
                (i32.store (i32.const 20) (i32.load (i32.const 4)))
                (drop (call $fd_write (i32.const 1) (i32.const 16) (i32.const 1) (i32.const 24))))
              (func (export "_start")
                (call $dump (i32.const 0) (i32.const 0))
                (call $dump (i32.const 0) (i32.const 1))))
            """.formatted(WASI);

    /** Traps at once. */
    static final String TRAP = """
            (module (func (export "_start") unreachable))
            """;

    /** Never ends. */
    static final String LOOP = """
            (module (func (export "_start") (loop $forever (br $forever))))
            """;

    /** Exits with status 7 after writing "bye". */
    static final String EXIT7 = """
            (module
            %s
              (memory 1)
              (data (i32.const 16) "bye")
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 16))
                (i32.store (i32.const 4) (i32.const 3))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))
                (call $proc_exit (i32.const 7))))
            """.formatted(WASI);

    /**
     * Grows its memory by {@code pages}, writing a byte into every new page; prints "grew N" and exits 0, or exits 3
     * if memory.grow returned -1.
     */
    static String grow(int pages) {
        return """
                (module
                %s
                  (memory 1)
                  (data (i32.const 16) "grew")
                  (func (export "_start")
                    (local $old i32) (local $i i32)
                    (local.set $old (memory.grow (i32.const %d)))
                    (if (i32.eq (local.get $old) (i32.const -1)) (then (call $proc_exit (i32.const 3))))
                    (loop $touch
                      (i32.store8 (i32.mul (i32.add (local.get $old) (local.get $i)) (i32.const 65536)) (i32.const 1))
                      (local.set $i (i32.add (local.get $i) (i32.const 1)))
                      (br_if $touch (i32.lt_u (local.get $i) (i32.const %d))))
                    (i32.store (i32.const 0) (i32.const 16))
                    (i32.store (i32.const 4) (i32.const 4))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
                """.formatted(WASI, pages, pages);
    }

    /** A module whose memory starts at {@code pages} pages. */
    static String initialMemory(int pages) {
        return """
                (module (memory %d) (func (export "_start")))
                """.formatted(pages);
    }

    /** Keeps a secret in its memory (a data segment, there from instantiation) and spins until it is stopped. */
    static final String HOLDER = """
            (module
              (memory 1)
              (data (i32.const 0) "SECRET-5ec2e7-SECRET")
              (data (i32.const 65500) "SECRET-5ec2e7-SECRET")
              (func (export "_start") (loop $forever (br $forever))))
            """;

    /** Writes all of its own linear memory (64 KiB) to standard output. */
    static final String DUMPER = """
            (module
            %s
              (memory 1)
              (func (export "_start")
                (i32.store (i32.const 0) (i32.const 0))
                (i32.store (i32.const 4) (i32.const 65536))
                (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
            """.formatted(WASI);

    /** Writes all of its own linear memory ({@code pages} of 64 KiB, fresh from the enclave heap) to standard output. */
    static String dumper(int pages) {
        return """
                (module
                %s
                  (memory %d)
                  (func (export "_start")
                    (i32.store (i32.const 0) (i32.const 0))
                    (i32.store (i32.const 4) (i32.const %d))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
                """.formatted(WASI, pages, pages * 65_536);
    }

    /**
     * Loads 8 bytes at {@code address} (an i32, taken unsigned) and writes them to standard output: beyond its own
     * one page of memory, where an enclave neighbour's pages would be.
     */
    static String prober(long address) {
        return """
                (module
                %s
                  (memory 1)
                  (func (export "_start")
                    (i64.store (i32.const 64) (i64.load (i32.const %d)))
                    (i32.store (i32.const 0) (i32.const 64))
                    (i32.store (i32.const 4) (i32.const 8))
                    (drop (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8)))))
                """.formatted(WASI, (int) address);
    }

    static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    /** A function spec from WebAssembly text with no arguments or environment. */
    static io.teemate.faas.host.FunctionSpec spec(String name, String text, int maxPages, long timeoutMillis) {
        return new io.teemate.faas.host.FunctionSpec(
                name, bytes(text), true, List.of(), Map.of(), maxPages, timeoutMillis);
    }
}
