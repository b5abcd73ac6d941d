package io.teemate.faas.host;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A {@link FunctionPlatform} for the gateway's tests: no enclaves, no Wasm engine. A "module" names its behaviour:
 * WebAssembly text must start with {@code (module} and carry a block comment {@code (; BEHAVIOUR ;)}; a binary
 * module is the Wasm magic and version followed by the behaviour's name in ASCII. Behaviours:
 * <ul>
 *   <li>{@code echo}: stdout = stdin; {@code upper}: stdin in upper case;</li>
 *   <li>{@code env}: the environment (deployed env, then the invocation params it does not define) as sorted {@code K=V} lines;</li>
 *   <li>{@code args}: the deployed arguments, one a line;</li>
 *   <li>{@code json-env}: the environment as one JSON object; {@code greet}: reads stdin
 *       {@code {"name":N}} and writes {@code {"greeting":"hello N"}} (both for OpenWhisk);</li>
 *   <li>{@code exit:N}: writes "failed" and exits N;</li>
 *   <li>{@code trap}, {@code timeout}: the platform's TRAP and TIMEOUT failures;</li>
 *   <li>{@code grow:N}: asks for N pages; MEMORY_LIMIT when that is more than the function's max_memory_pages,
 *       else echoes;</li>
 *   <li>{@code crash}: the platform itself throws an unchecked exception (a platform bug).</li>
 * </ul>
 * Instances are pooled per function: an invocation takes an idle one (warm) or starts one (cold); phases are fixed
 * made-up numbers, cold ones non-zero only on a cold start.
 */
final class ScriptedFunctionPlatform implements FunctionPlatform {
    private static final Pattern WAT_BEHAVIOUR = Pattern.compile("\\(;\\s*([a-z0-9:_-]+)\\s*;\\)");
    static final byte[] WASM_HEADER = {0x00, 0x61, 0x73, 0x6d, 0x01, 0x00, 0x00, 0x00};
    static final Invocation.Phases COLD_WALL = new Invocation.Phases(2_000_000, 3_000_000, 1_000_000, 500_000);
    static final Invocation.Phases COLD_MODELED = new Invocation.Phases(20_000, 900_000, 10_000, 5_000);

    private final String mode;
    private final Map<String, Deployed> functions = new ConcurrentHashMap<>();

    private static final class Deployed {
        final FunctionSpec spec;
        final String behaviour;
        final String identity;
        int idle;
        int busy;
        long invocations;

        Deployed(FunctionSpec spec, String behaviour, String identity) {
            this.spec = spec;
            this.behaviour = behaviour;
            this.identity = identity;
        }

        synchronized FunctionInfo info() {
            return new FunctionInfo(
                    spec.name(),
                    identity,
                    spec.module().length,
                    spec.maxMemoryPages(),
                    spec.timeoutMillis(),
                    idle,
                    busy,
                    invocations,
                    0);
        }
    }

    ScriptedFunctionPlatform(String mode) {
        this.mode = mode;
    }

    /** The part a test says prices this platform's modeled phases; none by default, as a platform with no machine. */
    volatile Optional<io.teemate.sgx.cost.PlatformProfile> modeledPlatform = Optional.empty();

    @Override
    public Optional<io.teemate.sgx.cost.PlatformProfile> modeledPlatform() {
        return modeledPlatform;
    }

    static String wat(String behaviour) {
        return "(module (; " + behaviour + " ;) (func (export \"_start\")))";
    }

    static byte[] wasm(String behaviour) {
        byte[] name = behaviour.getBytes(StandardCharsets.US_ASCII);
        byte[] module = new byte[WASM_HEADER.length + name.length];
        System.arraycopy(WASM_HEADER, 0, module, 0, WASM_HEADER.length);
        System.arraycopy(name, 0, module, WASM_HEADER.length, name.length);
        return module;
    }

    @Override
    public FunctionInfo deploy(FunctionSpec spec) {
        byte[] module = spec.module();
        String behaviour;
        if (spec.text()) {
            String text = new String(module, StandardCharsets.UTF_8).strip();
            if (!text.startsWith("(module")) {
                throw new FunctionException(
                        FunctionException.Kind.BAD_MODULE,
                        "WebAssembly text must start with '(module', found '"
                                + text.substring(0, Math.min(12, text.length())) + "'");
            }
            Matcher m = WAT_BEHAVIOUR.matcher(text);
            if (!m.find()) {
                throw new FunctionException(FunctionException.Kind.BAD_MODULE, "module has no (; behaviour ;) comment");
            }
            behaviour = m.group(1);
        } else {
            if (module.length < WASM_HEADER.length
                    || !java.util.Arrays.equals(module, 0, WASM_HEADER.length, WASM_HEADER, 0, WASM_HEADER.length)) {
                throw new FunctionException(
                        FunctionException.Kind.BAD_MODULE,
                        "not a WebAssembly binary: it does not start with \\0asm version 1");
            }
            behaviour = new String(
                    module, WASM_HEADER.length, module.length - WASM_HEADER.length, StandardCharsets.US_ASCII);
        }
        if (!behaviour.matches("echo|upper|env|args|json-env|greet|trap|timeout|crash|exit:\\d+|grow:\\d+")) {
            throw new FunctionException(FunctionException.Kind.BAD_MODULE, "unknown behaviour '" + behaviour + "'");
        }
        Deployed d = new Deployed(spec, behaviour, sha256(module));
        functions.put(spec.name(), d);
        return d.info();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    @Override
    public List<FunctionInfo> list() {
        List<FunctionInfo> out = new ArrayList<>();
        functions.values().forEach(d -> out.add(d.info()));
        return out;
    }

    @Override
    public Optional<FunctionInfo> get(String name) {
        return Optional.ofNullable(functions.get(name)).map(Deployed::info);
    }

    @Override
    public Invocation invoke(String name, byte[] body, Map<String, String> params) {
        Deployed d = functions.get(name);
        if (d == null) {
            throw new FunctionException(FunctionException.Kind.NOT_FOUND, "no function named '" + name + "'");
        }
        boolean cold;
        synchronized (d) {
            cold = d.idle == 0;
            if (!cold) {
                d.idle--;
            }
            d.busy++;
            d.invocations++;
        }
        try {
            return run(d, body, params, cold);
        } finally {
            synchronized (d) {
                d.busy--;
                d.idle++;
            }
        }
    }

    private Invocation run(Deployed d, byte[] body, Map<String, String> params, boolean cold) {
        String name = d.spec.name();
        String stdin = new String(body, StandardCharsets.UTF_8);
        Map<String, String> env = new TreeMap<>(d.spec.env());
        params.forEach(env::putIfAbsent); // as the enclave does: the deployed environment wins
        int exit = 0;
        String out;
        String b = d.behaviour;
        if (b.equals("echo")) {
            out = stdin;
        } else if (b.equals("upper")) {
            out = stdin.toUpperCase(Locale.ROOT);
        } else if (b.equals("env")) {
            StringBuilder s = new StringBuilder();
            env.forEach((k, v) -> s.append(k).append('=').append(v).append('\n'));
            out = s.toString();
        } else if (b.equals("args")) {
            out = String.join("\n", d.spec.args());
        } else if (b.equals("json-env")) {
            StringBuilder s = new StringBuilder("{");
            env.forEach((k, v) -> s.append(s.length() > 1 ? "," : "")
                    .append('"')
                    .append(k)
                    .append("\":\"")
                    .append(v.replace("\\", "\\\\").replace("\"", "\\\""))
                    .append('"'));
            out = s.append('}').toString();
        } else if (b.equals("greet")) {
            Matcher m = Pattern.compile("\"name\"\\s*:\\s*\"([^\"]*)\"").matcher(stdin);
            out = "{\"greeting\":\"hello " + (m.find() ? m.group(1) : "nobody") + "\"}\n";
        } else if (b.startsWith("exit:")) {
            exit = Integer.parseInt(b.substring(5));
            out = "failed";
        } else if (b.equals("trap")) {
            throw new FunctionException(FunctionException.Kind.TRAP, "wasm trap: unreachable executed in " + name);
        } else if (b.equals("timeout")) {
            throw new FunctionException(
                    FunctionException.Kind.TIMEOUT,
                    name + " ran past its time limit of " + d.spec.timeoutMillis() + " ms");
        } else if (b.startsWith("grow:")) {
            int pages = Integer.parseInt(b.substring(5));
            if (pages > d.spec.maxMemoryPages()) {
                throw new FunctionException(
                        FunctionException.Kind.MEMORY_LIMIT,
                        name + " asked for " + pages + " pages of linear memory; its limit is "
                                + d.spec.maxMemoryPages());
            }
            out = stdin;
        } else if (b.equals("crash")) {
            throw new IllegalStateException("scripted platform bug");
        } else {
            throw new AssertionError(b);
        }
        Invocation.Phases wallExec = new Invocation.Phases(0, 0, 0, 500_000);
        Invocation.Phases modeledExec = new Invocation.Phases(0, 0, 0, 5_000);
        byte[] output = b.equals("echo") ? body : out.getBytes(StandardCharsets.UTF_8);
        return new Invocation(name, exit, output, cold, cold ? COLD_WALL : wallExec, cold ? COLD_MODELED : modeledExec);
    }

    @Override
    public boolean delete(String name) {
        return functions.remove(name) != null;
    }

    @Override
    public Map<String, Long> epcPagesByEnclave() {
        Map<String, Long> pages = new TreeMap<>();
        if (mode.equals("shared")) {
            long instances = functions.values().stream()
                    .mapToLong(d -> d.info().idleInstances() + d.info().busyInstances())
                    .sum();
            pages.put("shared", 1000 + 10 * instances);
        } else {
            functions.values().forEach(d -> {
                FunctionInfo info = d.info();
                for (int i = 0; i < info.idleInstances() + info.busyInstances(); i++) {
                    pages.put(info.name() + "#" + i, 1000L);
                }
            });
        }
        return pages;
    }

    @Override
    public String mode() {
        return mode;
    }

    @Override
    public void close() {
        functions.clear();
    }
}
