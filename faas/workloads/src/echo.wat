;; echo: copies stdin to stdout unchanged, with nothing but WASI fd_read and fd_write; the
;; smallest function there is, to measure a platform's per-invocation overhead.
;;
;; stdin:  any bytes.   stdout: the same bytes.   exit: 0, or 1 if fd_read or fd_write fails.
(module
  (import "wasi_snapshot_preview1" "fd_read"
    (func $fd_read (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "fd_write"
    (func $fd_write (param i32 i32 i32 i32) (result i32)))
  (import "wasi_snapshot_preview1" "proc_exit" (func $proc_exit (param i32)))
  (memory (export "memory") 1)

  ;; Layout: an iovec at 0 (buf, len), the byte count result at 8, the buffer at 1024 (4 KiB).
  (func $main (export "_start")
    (local $n i32)
    (local $off i32)
    (block $done
      (loop $copy
        ;; read up to 4096 bytes into the buffer
        (i32.store (i32.const 0) (i32.const 1024))
        (i32.store (i32.const 4) (i32.const 4096))
        (if (call $fd_read (i32.const 0) (i32.const 0) (i32.const 1) (i32.const 8))
          (then (call $proc_exit (i32.const 1))))
        (local.set $n (i32.load (i32.const 8)))
        (br_if $done (i32.eqz (local.get $n)))
        ;; write all n bytes, looping on short writes
        (local.set $off (i32.const 0))
        (loop $write
          (i32.store (i32.const 0) (i32.add (i32.const 1024) (local.get $off)))
          (i32.store (i32.const 4) (i32.sub (local.get $n) (local.get $off)))
          (if (call $fd_write (i32.const 1) (i32.const 0) (i32.const 1) (i32.const 8))
            (then (call $proc_exit (i32.const 1))))
          (local.set $off (i32.add (local.get $off) (i32.load (i32.const 8))))
          (br_if $write (i32.lt_u (local.get $off) (local.get $n))))
        (br $copy)))))
