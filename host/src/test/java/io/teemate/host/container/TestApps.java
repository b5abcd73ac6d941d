package io.teemate.host.container;

import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;

/** Container programs that exist only for tests: one that crashes, one that keeps a secret in its heap. */
final class TestApps {
    private TestApps() {}

    /** Throws from inside the enclave after touching its heap: a container crash. */
    static final class Crasher implements ContainerApp {
        @Override
        public String name() {
            return "crasher";
        }

        @Override
        public int main(ContainerEnv env) {
            long p = env.heap().allocate(64);
            env.memory().writeLong(p, 42);
            throw new IllegalStateException("boom in " + env.name());
        }
    }

    /** Prints its first argument's file and its environment's LANG: a second, different container program. */
    static final class Cat implements ContainerApp {
        @Override
        public String name() {
            return "cat";
        }

        @Override
        public int main(ContainerEnv env) {
            for (String path : env.args()) {
                env.stdout(env.readFile(path));
            }
            return 0;
        }
    }

    /** Allocates and touches as many KiB of its heap as its first argument says, then prints how many pages it holds. */
    static final class Hog implements ContainerApp {
        @Override
        public String name() {
            return "hog";
        }

        @Override
        public int main(ContainerEnv env) {
            int kib = Integer.parseInt(env.args().get(0));
            for (int i = 0; i < kib / 4; i++) {
                long p = env.heap().allocate(4096);
                env.memory().writeLong(p, i);
            }
            env.print(env.heap().pages() + " pages\n");
            return 0;
        }
    }

    /** Keeps a secret in its heap and prints where: a target for {@link Peeker}. */
    static final class Secret implements ContainerApp {
        @Override
        public String name() {
            return "secret";
        }

        @Override
        public int main(ContainerEnv env) {
            long p = env.heap().allocate(64);
            env.memory().writeLong(p, 0x5EC2E7L);
            env.print(Long.toString(p));
            return 0;
        }
    }

    /** Reads the enclave address given as its first argument: a container trying to reach another's memory. */
    static final class Peeker implements ContainerApp {
        @Override
        public String name() {
            return "peeker";
        }

        @Override
        public int main(ContainerEnv env) {
            env.print(Long.toHexString(
                    env.memory().readLong(Long.parseLong(env.args().get(0)))));
            return 0;
        }
    }

    /** Echoes its standard input upper-cased: a serverless function in miniature. */
    static final class Upper implements ContainerApp {
        @Override
        public String name() {
            return "upper";
        }

        @Override
        public int main(ContainerEnv env) {
            env.print(new String(env.stdin(), java.nio.charset.StandardCharsets.UTF_8)
                    .toUpperCase(java.util.Locale.ROOT));
            return env.stdin().length == 0 ? 1 : 0;
        }
    }

    /**
     * Counts its invocations in a container-local object; a fork gives the child a copy of the count, as a forked
     * process inherits its parent's memory.
     */
    static final class Forker implements ContainerApp {
        static final class Count {
            long value;
        }

        @Override
        public String name() {
            return "forker";
        }

        @Override
        public int main(ContainerEnv env) {
            Count c = env.local(Count.class, Count::new);
            c.value++;
            env.print(Long.toString(c.value));
            return 0;
        }

        @Override
        public void fork(ContainerEnv parent, ContainerEnv child) {
            long value = parent.local(Count.class, Count::new).value;
            child.local(Count.class, () -> {
                Count c = new Count();
                c.value = value;
                return c;
            });
        }
    }

    /**
     * Writes a value into its heap, then reads it back until the test releases it (or 20 s pass), and prints what it
     * read last: code that holds its memory while the host interrupts it.
     */
    static final class Spinner implements ContainerApp {
        static final java.util.concurrent.CountDownLatch running = new java.util.concurrent.CountDownLatch(1);
        static volatile boolean release;

        @Override
        public String name() {
            return "spinner";
        }

        @Override
        public int main(ContainerEnv env) {
            long p = env.heap().allocate(64);
            env.memory().writeLong(p, 0x5EC2E75EC2E7L);
            running.countDown();
            long seen = 0;
            long deadline = System.nanoTime() + 20_000_000_000L;
            while (!release && System.nanoTime() < deadline) {
                seen = env.memory().readLong(p);
            }
            env.print(Long.toHexString(env.memory().readLong(p)) + " " + Long.toHexString(seen));
            return 0;
        }
    }

    /** Throws the Error its standard input names, from inside the enclave: app code that fails as the JVM can. */
    static final class Thrower implements ContainerApp {
        @Override
        public String name() {
            return "thrower";
        }

        @Override
        public int main(ContainerEnv env) {
            String what = new String(env.stdin(), java.nio.charset.StandardCharsets.UTF_8);
            switch (what) {
                case "oom" -> throw new OutOfMemoryError("Java heap space (thrown by the test app)");
                case "stack" -> recurse(0);
                case "linkage" -> throw new NoClassDefFoundError("io/teemate/Missing");
                case "assert" -> throw new AssertionError("an app's own assertion");
                default -> env.print("fine");
            }
            return 0;
        }

        private static int recurse(int depth) {
            return recurse(depth + 1) + 1; // a real StackOverflowError
        }
    }

    /** Asks for a copy-on-write space of the size its standard input names, as kv's OPEN does with the host's size. */
    static final class Spacer implements ContainerApp {
        @Override
        public String name() {
            return "spacer";
        }

        @Override
        public int main(ContainerEnv env) {
            long size = Long.parseLong(new String(env.stdin(), java.nio.charset.StandardCharsets.UTF_8));
            try (var space = env.cowSpace(size)) {
                env.print("ok " + space.sizeBytes());
            } catch (IllegalArgumentException e) {
                env.print("refused: " + e.getMessage());
            }
            return 0;
        }
    }

    /**
     * Asks host service args[0] with args[1] (UTF-8) and prints "reply <reply>" or "errno <n>: <message>": the
     * untrusted half of OCALL_SERVICE seen from a container's code.
     */
    static final class Caller implements ContainerApp {
        @Override
        public String name() {
            return "caller";
        }

        @Override
        public int main(ContainerEnv env) {
            try {
                byte[] reply = env.hostService(
                        env.args().get(0), env.args().get(1).getBytes(java.nio.charset.StandardCharsets.UTF_8));
                env.print("reply " + new String(reply, java.nio.charset.StandardCharsets.UTF_8));
            } catch (io.teemate.enclave.runtime.HostServiceException e) {
                env.print("errno " + e.errno() + ": " + e.getMessage());
            }
            return 0;
        }
    }
}
