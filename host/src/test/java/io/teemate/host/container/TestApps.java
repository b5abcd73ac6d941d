package io.teemate.host.container;

import io.teemate.enclave.runtime.ContainerApp;
import io.teemate.enclave.runtime.ContainerEnv;

/** Container programs that exist only for tests: one that crashes, one that keeps a secret in its heap. */
final class TestApps {
    private TestApps() {
    }

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
}
