package io.teemate.faas.host;

import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;

/** Sixteen clients at once, each checking its own answers, with failing functions in the mix. */
class GatewayConcurrencyTest {
    private static final int CLIENTS = 16;
    private static final int CALLS = 25;

    @Test
    void sixteenClientsGetTheirOwnAnswersWhileOtherFunctionsFail() throws Exception {
        try (ScriptedFunctionPlatform platform = new ScriptedFunctionPlatform("shared");
                Gateway gateway = Gateway.start(
                        platform, GatewayConfig.defaults().withPort(0).withThreads(8))) {
            GatewayClient setup = new GatewayClient(gateway.uri());
            assertThat(setup.deployWat("upper", "upper").status()).isEqualTo(201);
            assertThat(setup.deployWat("trap", "trap").status()).isEqualTo(201);
            assertThat(setup.deployWat("slow", "timeout").status()).isEqualTo(201);

            ExecutorService pool = Executors.newFixedThreadPool(CLIENTS);
            CountDownLatch go = new CountDownLatch(1);
            List<Future<List<String>>> results = new ArrayList<>();
            try {
                for (int c = 0; c < CLIENTS; c++) {
                    int client = c;
                    results.add(pool.submit(() -> {
                        GatewayClient http = new GatewayClient(gateway.uri());
                        List<String> wrong = new ArrayList<>();
                        go.await();
                        for (int i = 0; i < CALLS; i++) {
                            String body = "client " + client + " call " + i;
                            GatewayClient.Reply r = http.invoke("upper", body);
                            if (r.status() != 200 || !r.text().equals(body.toUpperCase(Locale.ROOT))) {
                                wrong.add(body + " -> " + r.status() + " " + r.text());
                            }
                            if (i % 5 == client % 5) {
                                String failing = client % 2 == 0 ? "trap" : "slow";
                                int expected = client % 2 == 0 ? 500 : 504;
                                GatewayClient.Reply f = http.invoke(failing, body);
                                if (f.status() != expected) {
                                    wrong.add(failing + " -> " + f.status() + " " + f.text());
                                }
                            }
                        }
                        return wrong;
                    }));
                }
                go.countDown();
                for (Future<List<String>> f : results) {
                    assertThat(f.get()).isEmpty();
                }
            } finally {
                pool.shutdownNow();
            }
            FunctionInfo upper = platform.get("upper").orElseThrow();
            assertThat(upper.invocations()).isEqualTo((long) CLIENTS * CALLS);
            assertThat(upper.busyInstances()).isZero();
            String metrics = setup.get("/metrics").text();
            long counted = metrics.lines()
                    .filter(l -> l.startsWith("teemate_faas_invocations_total{function=\"upper\",outcome=\"ok\""))
                    .mapToLong(l -> (long) Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
                    .sum();
            assertThat(counted).isEqualTo((long) CLIENTS * CALLS);
        }
    }
}
