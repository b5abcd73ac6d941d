package io.teemate.faas.host;

import io.prometheus.metrics.config.EscapingScheme;
import io.prometheus.metrics.core.metrics.Counter;
import io.prometheus.metrics.core.metrics.CounterWithCallback;
import io.prometheus.metrics.core.metrics.GaugeWithCallback;
import io.prometheus.metrics.core.metrics.Histogram;
import io.prometheus.metrics.core.metrics.Info;
import io.prometheus.metrics.expositionformats.PrometheusTextFormatWriter;
import io.prometheus.metrics.model.registry.PrometheusRegistry;
import io.prometheus.metrics.model.snapshots.Unit;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Locale;
import java.util.Optional;

/**
 * The gateway's Prometheus metrics, kept by the official Prometheus Java client in a registry of their own (no
 * global registry: two gateways in one JVM count apart) and written in the text exposition format 0.0.4.
 * <ul>
 *   <li>{@code teemate_faas_invocations_total{function,outcome,start}}: invocations by outcome ({@code ok},
 *       {@code exit_nonzero}, or a failure kind in lower case: {@code trap}, {@code timeout}, {@code memory_limit},
 *       {@code bad_module}, {@code internal}) and start ({@code cold}, {@code warm}; {@code unknown} for a failure,
 *       whose start the platform does not report). Calls to functions that do not exist are not counted here (their
 *       names are the caller's to choose) but in the request counter.</li>
 *   <li>{@code teemate_faas_invocation_wall_seconds{function,phase,start}} and
 *       {@code teemate_faas_invocation_modeled_seconds{...}}: histograms of each phase ({@code container_creation},
 *       {@code enclave}, {@code runtime_init}, {@code execution}, and {@code total}) in wall-clock seconds and in
 *       modeled seconds (SGX instructions priced by the cost model). A warm start has only execution (and total).</li>
 *   <li>{@code teemate_faas_modeled_platform_info{platform}}: the SGX part whose clock and costs price the modeled
 *       histogram ({@code --platform}, e.g. {@code gold-6348}); absent where nothing is modeled (native).</li>
 *   <li>{@code teemate_faas_epc_pages{enclave}}: EPC pages each enclave holds, read from the platform at scrape.</li>
 *   <li>{@code teemate_faas_functions}: deployed functions; {@code teemate_faas_instances{function,state}}: their
 *       idle and busy instances.</li>
 *   <li>{@code teemate_faas_http_requests_total{route,method,code}}: every request by route template.</li>
 *   <li>{@code teemate_faas_memory_limit_bytes{function}}: each function instance's memory_limit in the enclave.</li>
 *   <li>{@code teemate_faas_module_cache_hits_total}, {@code _misses_total}, {@code _evictions_total},
 *       {@code teemate_faas_module_cache_modules} and {@code _bytes}: the shared enclave's bounded module cache,
 *       read once per scrape from its runtime statistics (absent in conventional mode and before the enclave
 *       exists).</li>
 * </ul>
 */
public final class FaasMetrics {
    /** The Content-Type of {@link #scrape()}: the Prometheus text format, version 0.0.4. */
    public static final String CONTENT_TYPE = PrometheusTextFormatWriter.CONTENT_TYPE;

    /** 10 µs to ~42 s in steps of 4: modeled SGX phases are microseconds, a cold start or timeout is seconds. */
    private static final double BUCKET_START = 1e-5;

    private static final double BUCKET_FACTOR = 4;
    private static final int BUCKETS = 12;

    private final PrometheusRegistry registry = new PrometheusRegistry();
    private final PrometheusTextFormatWriter writer = PrometheusTextFormatWriter.create();
    private final Counter invocations;
    private final Histogram wallSeconds;
    private final Histogram modeledSeconds;
    private final Counter requests;

    private final FunctionPlatform platform;
    /** The shared enclave's statistics read at the start of the scrape in progress. */
    private volatile Optional<RuntimeStats> runtimeStats = Optional.empty();

    public FaasMetrics(FunctionPlatform platform) {
        this.platform = platform;
        invocations = Counter.builder()
                .name("teemate_faas_invocations_total")
                .help("Function invocations by outcome and by cold or warm start")
                .labelNames("function", "outcome", "start")
                .withoutExemplars()
                .register(registry);
        wallSeconds = phaseHistogram("teemate_faas_invocation_wall_seconds", "Invocation phases in wall-clock seconds");
        modeledSeconds = phaseHistogram(
                "teemate_faas_invocation_modeled_seconds",
                "Invocation phases in modeled seconds (SGX instructions priced by the cost model)");
        // the modeled seconds mean nothing without the part that priced them (Prometheus's info-metric idiom)
        platform.modeledPlatform()
                .ifPresent(p -> Info.builder()
                        .name("teemate_faas_modeled_platform_info")
                        .help("The SGX part whose clock and costs price teemate_faas_invocation_modeled_seconds")
                        .labelNames("platform")
                        .register(registry)
                        .setLabelValues(p.id()));
        requests = Counter.builder()
                .name("teemate_faas_http_requests_total")
                .help("Gateway HTTP requests by route template, method and status code")
                .labelNames("route", "method", "code")
                .withoutExemplars()
                .register(registry);
        GaugeWithCallback.builder()
                .name("teemate_faas_epc_pages")
                .help("EPC pages in use by each enclave the platform runs (resident and evicted)")
                .labelNames("enclave")
                .callback(cb -> platform.epcPagesByEnclave().forEach((enclave, pages) -> cb.call(pages, enclave)))
                .register(registry);
        GaugeWithCallback.builder()
                .name("teemate_faas_functions")
                .help("Deployed functions")
                .callback(cb -> cb.call(platform.list().size()))
                .register(registry);
        GaugeWithCallback.builder()
                .name("teemate_faas_instances")
                .help("Function instances by state (idle or busy)")
                .labelNames("function", "state")
                .callback(cb -> platform.list().forEach(f -> {
                    cb.call(f.idleInstances(), f.name(), "idle");
                    cb.call(f.busyInstances(), f.name(), "busy");
                }))
                .register(registry);
        GaugeWithCallback.builder()
                .name("teemate_faas_memory_limit_bytes")
                .help("Each function instance's share of the shared enclave's heap (its container's memory_limit, "
                        + "enforced by the trusted runtime)")
                .labelNames("function")
                .callback(cb -> platform.list().forEach(f -> cb.call(f.memoryLimitBytes(), f.name())))
                .register(registry);
        moduleCacheMetrics(platform);
    }

    /** Reads the shared enclave's runtime statistics once for the whole scrape (each read starts a container). */
    private void moduleCacheMetrics(FunctionPlatform platform) {
        cacheCounter(
                "teemate_faas_module_cache_hits_total",
                "Times a container found its module loaded in the shared enclave",
                RuntimeStats::moduleCacheHits);
        cacheCounter(
                "teemate_faas_module_cache_misses_total",
                "Times a module was loaded (parsed, compiled) in the shared enclave",
                RuntimeStats::moduleCacheMisses);
        cacheCounter(
                "teemate_faas_module_cache_evictions_total",
                "Modules evicted from the shared enclave's bounded cache",
                RuntimeStats::moduleCacheEvictions);
        GaugeWithCallback.builder()
                .name("teemate_faas_module_cache_modules")
                .help("Modules the shared enclave holds loaded")
                .callback(cb -> scraped().ifPresent(s -> cb.call(s.modules())))
                .register(registry);
        GaugeWithCallback.builder()
                .name("teemate_faas_module_cache_bytes")
                .help("Bytes of the module binaries the shared enclave holds loaded")
                .callback(cb -> scraped().ifPresent(s -> cb.call(s.moduleCacheBytes())))
                .register(registry);
    }

    private void cacheCounter(String name, String help, java.util.function.ToLongFunction<RuntimeStats> value) {
        CounterWithCallback.builder()
                .name(name)
                .help(help)
                .callback(cb -> scraped().ifPresent(s -> cb.call(value.applyAsLong(s))))
                .register(registry);
    }

    private Optional<RuntimeStats> scraped() {
        return runtimeStats;
    }

    private Histogram phaseHistogram(String name, String help) {
        return Histogram.builder()
                .name(name)
                .help(help)
                .unit(Unit.SECONDS)
                .labelNames("function", "phase", "start")
                .classicOnly()
                .classicExponentialUpperBounds(BUCKET_START, BUCKET_FACTOR, BUCKETS)
                .withoutExemplars()
                .register(registry);
    }

    /** Counts a finished invocation and observes its phases (nanoseconds in {@link Invocation.Phases}). */
    public void invoked(Invocation invocation) {
        String start = invocation.cold() ? "cold" : "warm";
        invocations
                .labelValues(invocation.function(), invocation.exitCode() == 0 ? "ok" : "exit_nonzero", start)
                .inc();
        observe(wallSeconds, invocation.function(), start, invocation.cold(), invocation.wall());
        observe(modeledSeconds, invocation.function(), start, invocation.cold(), invocation.modeled());
    }

    private static void observe(Histogram histogram, String function, String start, boolean cold, Invocation.Phases p) {
        if (cold) {
            histogram.labelValues(function, "container_creation", start).observe(p.containerCreation() / 1e9);
            histogram.labelValues(function, "enclave", start).observe(p.enclave() / 1e9);
            histogram.labelValues(function, "runtime_init", start).observe(p.runtimeInit() / 1e9);
        }
        histogram.labelValues(function, "execution", start).observe(p.execution() / 1e9);
        histogram.labelValues(function, "total", start).observe(p.total() / 1e9);
    }

    /** Counts an invocation of an existing function that failed with {@code kind}. */
    public void failed(String function, FunctionException.Kind kind) {
        invocations
                .labelValues(function, kind.name().toLowerCase(Locale.ROOT), "unknown")
                .inc();
    }

    /** Counts one HTTP request; {@code route} is its template ({@code /v1/functions/{name}}), never the raw path. */
    public void request(String route, String method, int code) {
        requests.labelValues(route, method, Integer.toString(code)).inc();
    }

    /** Every metric now, in the text exposition format 0.0.4 ({@link #CONTENT_TYPE}). */
    public synchronized byte[] scrape() {
        try {
            runtimeStats = platform.sharedRuntimeStats();
        } catch (RuntimeException e) {
            runtimeStats = Optional.empty(); // no statistics this time; the rest of the scrape still answers
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            writer.write(out, registry.scrape(), EscapingScheme.UNDERSCORE_ESCAPING);
        } catch (IOException e) {
            throw new IllegalStateException("writing to memory failed", e);
        }
        return out.toByteArray();
    }
}
