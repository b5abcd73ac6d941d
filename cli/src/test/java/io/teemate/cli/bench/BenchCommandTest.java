package io.teemate.cli.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.teemate.cli.Teemate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BenchCommandTest {
    /** The repository: surefire runs in cli/. */
    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();

    private record Run(int status, String out, String err) {}

    private static Run bench(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        var cl = Teemate.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 1];
        all[0] = "bench";
        System.arraycopy(args, 0, all, 1, args.length);
        int status = cl.execute(all);
        return new Run(status, out.toString(), err.toString());
    }

    @Test
    void quickRunWritesEveryFileAndTheReportFromItsNumbers(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("run");
        Run r = bench(
                "--quick",
                "--instances",
                "1,2",
                "--keys",
                "500,2e3",
                "--out",
                out.toString(),
                "--root",
                ROOT.toString());
        assertThat(r.status()).as(r.err()).isZero();
        assertThat(r.out())
                .contains(
                        "== containers ==",
                        "== faas ==",
                        "== kv ==",
                        "== kv-aof ==",
                        "== serverless ==",
                        "== calibration ==",
                        "report: ");

        for (String f : List.of(
                "containers.csv",
                "faas.csv",
                "kv-fork.csv",
                "kv-rewrite.csv",
                "serverless-latency.csv",
                "serverless-memory.csv",
                "serverless-throughput.csv",
                "serverless-macro.csv",
                "js-engine.csv",
                "calibration.csv",
                "results.json",
                "report.md",
                "containers-phases-wall.png",
                "containers-phases-modeled.png",
                "containers-epc.png",
                "faas-phases.png",
                "faas-phases-modeled.png",
                "faas-epc.png",
                "kv-fork-latency.png",
                "kv-fork-epc.png",
                "kv-rewrite-latency.png",
                "kv-rewrite-epc.png")) {
            assertThat(out.resolve(f)).as(f).isNotEmptyFile();
        }
        assertThat(Files.readAllBytes(out.resolve("faas-epc.png"))).startsWith(0x89, 'P', 'N', 'G');
        // the calibration table in the shape issue 16 asked for, every row beside a published figure
        List<String> calibration = Files.readAllLines(out.resolve("calibration.csv"));
        assertThat(calibration.get(0)).isEqualTo("operation,platform,hardware,unit,modeled,ratio,source");
        assertThat(calibration).hasSizeGreaterThan(1);

        JsonNode doc = new ObjectMapper().readTree(out.resolve("results.json").toFile());
        assertThat(doc.path("machine").path("logical_cpus").asInt()).isPositive();
        assertThat(doc.path("machine").path("jdk").asText()).isNotBlank();
        JsonNode config = doc.path("config");
        assertThat(config.path("quick").asBoolean()).isTrue();
        assertThat(config.path("instances").toString()).isEqualTo("[1,2]");
        assertThat(config.path("keys").toString()).isEqualTo("[500,2000]");
        assertThat(config.path("experiments").toString())
                .isEqualTo("[\"containers\",\"faas\",\"kv\",\"kv-aof\",\"serverless\",\"calibration\"]");
        assertThat(config.path("command_line").asText()).startsWith("teemate bench --quick");
        assertThat(config.path("platform").asText())
                .as("the paper's machine by default")
                .isEqualTo("gold-6348");

        // two counts x two modes of containers; one workload x two counts x two modes of functions
        assertThat(doc.at("/containers/rows")).hasSize(4);
        assertThat(doc.at("/faas/rows")).hasSize(4);
        assertThat(doc.at("/kv/rows")).hasSize(4); // two sizes x shared and conventional x one BGSAVE, no native
        // serverless: one workload x four models; two counts x four models; the macro run in each model, every
        // uploader request stored in TeeMate's database
        assertThat(doc.at("/serverless/latency")).hasSize(4);
        assertThat(doc.at("/serverless/memory")).hasSize(8);
        assertThat(doc.at("/serverless/throughput")).hasSize(8);
        assertThat(doc.at("/serverless/macro")).hasSize(4);
        for (JsonNode m : doc.at("/serverless/macro")) {
            assertThat(m.path("requests").asInt()).as(m.toString()).isPositive();
            assertThat(m.path("failed").asInt()).as(m.toString()).isZero();
        }
        for (JsonNode c : doc.at("/containers/comparison")) {
            assertThat(c.path("latency_ratio_modeled").asDouble()).isPositive();
            assertThat(c.path("memory_ratio").asDouble()).isPositive();
        }
        JsonNode two = doc.at("/containers/comparison/1");
        assertThat(two.path("instances").asInt()).isEqualTo(2);
        // two conventional enclaves against one shared: the EPC ratio follows from the pages counted, not a constant
        assertThat(two.path("memory_ratio").asDouble()).isGreaterThan(1.5);
        assertThat(doc.at("/kv/comparison/1/keys").asLong()).isEqualTo(2000);
        assertThat(doc.at("/kv/comparison/1/fork_ratio_modeled").asDouble()).isPositive();
        assertThat(doc.at("/kv/comparison/1/native_fork_wall_ms").isNull()).isTrue();
        // the rewrite's fork: two sizes x shared and conventional x one BGREWRITEAOF, no native
        assertThat(doc.at("/kv-aof/rewrite_rows")).hasSize(4);
        assertThat(doc.at("/kv-aof/rewrite_comparison/1/fork_ratio_modeled").asDouble())
                .isPositive();

        String report = Files.readString(out.resolve("report.md"));
        assertThat(report)
                .contains(
                        "## Summary",
                        "## Containers",
                        "## Confidential serverless",
                        "## Confidential database",
                        "## Confidential database: persistence (BGREWRITEAOF, the append-only file)",
                        "| N | conventional ms | shared ms | conventional / shared | paper | goal |",
                        "4.54x to 6.98x",
                        "277.6x to 1046.6x");
        // every modeled heading and column names the part that priced it; wall time is never tagged
        assertThat(report).contains("modeled (gold-6348)").contains("priced as gold-6348");
        String[] lines = report.split("\n");
        for (int i = 0; i < lines.length; i++) {
            boolean tableHeader = lines[i].startsWith("|") && i + 1 < lines.length && lines[i + 1].startsWith("|---");
            if ((lines[i].startsWith("#") || tableHeader) && lines[i].contains("modeled")) {
                // calibration prices each row on the part the published figure was measured on, named in its row
                String unnamed = lines[i].replace("modeled (gold-6348)", "")
                        .replace("modeled (each row on the part it was measured on)", "")
                        .replace("modeled (on the row's platform)", "");
                assertThat(unnamed).as("a modeled heading without its platform").doesNotContain("modeled");
            }
            assertThat(lines[i]).doesNotContain("wall (gold-6348)");
        }
        // the CSVs with modeled columns end in the platform that priced them
        for (String f :
                List.of("containers.csv", "faas.csv", "kv-fork.csv", "kv-rewrite.csv", "serverless-latency.csv")) {
            List<String> csv = Files.readAllLines(out.resolve(f));
            assertThat(csv.get(0)).as(f).contains("modeled").endsWith(",platform");
            assertThat(csv.subList(1, csv.size())).as(f).isNotEmpty().allMatch(l -> l.endsWith(",gold-6348"));
        }
        // the report's ratio for two containers is the JSON's, as printed
        assertThat(report)
                .contains(String.format(
                        java.util.Locale.ROOT,
                        "| %.2fx |",
                        two.path("memory_ratio").asDouble()));
    }

    @Test
    void anUnknownPlatformIsAUsageErrorListingTheNames(@TempDir Path dir) {
        Run r = bench("--quick", "--platform", "nosuch", "--out", dir.toString(), "--root", ROOT.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("--platform", "nosuch", io.teemate.sgx.cost.PlatformProfile.ids());
        assertThat(dir).isEmptyDirectory();
    }

    @Test
    void thePlatformReachesTheEvaluation() {
        var cmd = new picocli.CommandLine(new BenchCommand());
        cmd.parseArgs("--quick", "--platform", "e-2276g", "--root", ROOT.toString());
        BenchCommand bench = cmd.getCommand();
        assertThat(bench.config().platform()).isEqualTo(io.teemate.sgx.cost.PlatformProfile.E_2276G);
    }

    @Test
    void anUnknownExperimentIsNamed(@TempDir Path dir) {
        Run r = bench("--experiments", "containers,redis", "--out", dir.toString(), "--root", ROOT.toString());
        assertThat(r.status()).isEqualTo(2);
        assertThat(r.err()).contains("unknown experiment 'redis'", "containers, faas, kv");
    }

    @Test
    void badKeysAndRootAreNamed(@TempDir Path dir) {
        Run keys = bench("--keys", "10000,lots", "--out", dir.toString(), "--root", ROOT.toString());
        assertThat(keys.status()).isEqualTo(2);
        assertThat(keys.err()).contains("--keys", "'lots'");
        Run root = bench("--quick", "--out", dir.toString(), "--root", dir.toString());
        assertThat(root.status()).isEqualTo(2);
        assertThat(root.err()).contains("is not the TeeMate repository");
    }
}
