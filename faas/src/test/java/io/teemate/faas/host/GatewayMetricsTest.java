package io.teemate.faas.host;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** GET /metrics after real invocations: the families, their labels and values in the Prometheus text format. */
class GatewayMetricsTest {
    private ScriptedFunctionPlatform platform;
    private Gateway gateway;
    private GatewayClient client;

    @BeforeEach
    void start() throws Exception {
        platform = new ScriptedFunctionPlatform("shared");
        gateway = Gateway.start(platform, GatewayConfig.defaults().withPort(0).withThreads(2));
        client = new GatewayClient(gateway.uri());
    }

    @AfterEach
    void stop() {
        gateway.close();
        platform.close();
    }

    private List<String> scrape() {
        GatewayClient.Reply r = client.get("/metrics");
        assertThat(r.status()).isEqualTo(200);
        assertThat(r.header("Content-Type")).isEqualTo("text/plain; version=0.0.4; charset=utf-8");
        return Arrays.asList(r.text().split("\n"));
    }

    @Test
    void familiesAfterInvocations() {
        client.deployWat("echo", "echo");
        client.deployWat("trap", "trap");
        client.deployWat("fails", "exit:1");
        client.deployWat("crash", "crash");
        client.invoke("crash", "x");
        client.invoke("echo", "1");
        client.invoke("echo", "2");
        client.invoke("echo", "3");
        client.invoke("trap", "x");
        client.invoke("fails", "x");
        client.invoke("nobody", "x");

        List<String> lines = scrape();
        assertThat(lines)
                .contains(
                        "# TYPE teemate_faas_invocations_total counter",
                        "teemate_faas_invocations_total{function=\"echo\",outcome=\"ok\",start=\"cold\"} 1.0",
                        "teemate_faas_invocations_total{function=\"echo\",outcome=\"ok\",start=\"warm\"} 2.0",
                        "teemate_faas_invocations_total{function=\"fails\",outcome=\"exit_nonzero\",start=\"cold\"} 1.0",
                        "teemate_faas_invocations_total{function=\"trap\",outcome=\"trap\",start=\"unknown\"} 1.0",
                        "teemate_faas_invocations_total{function=\"crash\",outcome=\"internal\",start=\"unknown\"} 1.0",
                        "# TYPE teemate_faas_invocation_wall_seconds histogram",
                        "# TYPE teemate_faas_invocation_modeled_seconds histogram",
                        "teemate_faas_invocation_wall_seconds_count{function=\"echo\",phase=\"execution\",start=\"warm\"} 2",
                        "teemate_faas_invocation_wall_seconds_count{function=\"echo\",phase=\"enclave\",start=\"cold\"} 1",
                        "teemate_faas_invocation_wall_seconds_sum{function=\"echo\",phase=\"enclave\",start=\"cold\"} 0.003",
                        "teemate_faas_invocation_modeled_seconds_sum{function=\"echo\",phase=\"enclave\",start=\"cold\"} 9.0E-4",
                        "teemate_faas_invocation_wall_seconds_bucket{function=\"echo\",phase=\"enclave\",start=\"cold\",le=\"+Inf\"} 1",
                        "# TYPE teemate_faas_epc_pages gauge",
                        "teemate_faas_epc_pages{enclave=\"shared\"} 1040.0",
                        "teemate_faas_functions 4.0",
                        "# TYPE teemate_faas_memory_limit_bytes gauge",
                        "teemate_faas_instances{function=\"echo\",state=\"idle\"} 1.0",
                        "teemate_faas_http_requests_total{code=\"404\",method=\"POST\",route=\"/v1/functions/{name}/invoke\"} 1.0",
                        "teemate_faas_http_requests_total{code=\"500\",method=\"POST\",route=\"/v1/functions/{name}/invoke\"} 2.0");
        assertThat(lines)
                .as("a warm start has no cold-start phases")
                .noneMatch(l -> l.contains("phase=\"enclave\",start=\"warm\""));
        assertThat(lines).as("unknown functions are not a label").noneMatch(l -> l.contains("nobody"));
        assertThat(lines).as("nothing says it is modeled").noneMatch(l -> l.contains("modeled_platform"));
    }

    @Test
    void theModeledPlatformIsNamedBesideTheModeledHistogram() throws Exception {
        ScriptedFunctionPlatform priced = new ScriptedFunctionPlatform("shared");
        priced.modeledPlatform = java.util.Optional.of(io.teemate.sgx.cost.PlatformProfile.E_2276G);
        try (Gateway g =
                Gateway.start(priced, GatewayConfig.defaults().withPort(0).withThreads(2))) {
            String text = new GatewayClient(g.uri()).get("/metrics").text();
            assertThat(text.split("\n"))
                    .contains(
                            "# TYPE teemate_faas_modeled_platform_info gauge",
                            "teemate_faas_modeled_platform_info{platform=\"e-2276g\"} 1");
        } finally {
            priced.close();
        }
    }

    @Test
    void conventionalModeReportsAnEnclavePerInstance() throws Exception {
        try (ScriptedFunctionPlatform conventional = new ScriptedFunctionPlatform("conventional");
                Gateway other =
                        Gateway.start(conventional, GatewayConfig.defaults().withPort(0))) {
            GatewayClient c = new GatewayClient(other.uri());
            c.deployWat("a", "echo");
            c.deployWat("b", "echo");
            c.invoke("a", "x");
            c.invoke("b", "x");
            String text = c.get("/metrics").text();
            assertThat(text)
                    .contains("teemate_faas_epc_pages{enclave=\"a#0\"} 1000.0")
                    .contains("teemate_faas_epc_pages{enclave=\"b#0\"} 1000.0");
        }
    }

    @Test
    void metricsOfTwoGatewaysAreApart() throws Exception {
        client.deployWat("echo", "echo");
        client.invoke("echo", "1");
        try (ScriptedFunctionPlatform p2 = new ScriptedFunctionPlatform("shared");
                Gateway other = Gateway.start(p2, GatewayConfig.defaults().withPort(0))) {
            assertThat(new GatewayClient(other.uri()).get("/metrics").text()).doesNotContain("function=\"echo\"");
        }
    }
}
