package io.teemate.cli;

import io.teemate.abi.image.ManifestException;
import io.teemate.abi.image.SigningKeys;
import io.teemate.host.FileErrors;
import io.teemate.host.container.ContainerException;
import io.teemate.kv.host.KvException;
import io.teemate.sgx.loader.LayoutException;
import picocli.CommandLine;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.UncheckedIOException;

/**
 * The one place an exception a command did not handle becomes what the user reads, so that no stack trace reaches
 * a user for a user error. A user error (bad input: a manifest, key or layout that breaks a rule, a value out of
 * range, a file that is missing or unreadable, a heap the JVM cannot hold) prints one line
 * {@code teemate CMD: what was wrong} and exits {@link #USER_ERROR}. Anything else is a bug: one line naming the
 * exception and how to see its stack trace ({@value #DEBUG_ENV}=1), and exit {@link #INTERNAL_ERROR}. Usage errors
 * (unknown option, bad number) never get here: picocli's parameter-exception handler prints them and exits 2.
 */
public final class CliErrors implements CommandLine.IExecutionExceptionHandler {
    /** Set (to anything but "" or "0") to print the stack trace of an internal error. */
    public static final String DEBUG_ENV = "TEEMATE_DEBUG";
    /** Exit status for bad input the command could not use. */
    public static final int USER_ERROR = 1;
    /** Exit status for a bug (EX_SOFTWARE in sysexits.h). */
    public static final int INTERNAL_ERROR = 70;

    private final boolean debug;

    /** @param debug print the stack trace of internal errors too */
    public CliErrors(boolean debug) {
        this.debug = debug;
    }

    /** Debugging as the environment asks ({@value #DEBUG_ENV}). */
    public static CliErrors fromEnvironment() {
        String v = System.getenv(DEBUG_ENV);
        return new CliErrors(v != null && !v.isEmpty() && !v.equals("0"));
    }

    @Override
    public int handleExecutionException(Exception ex, CommandLine cmd, CommandLine.ParseResult parseResult) {
        PrintWriter err = cmd.getErr();
        String prefix = cmd.getCommandSpec().qualifiedName() + ": ";
        Throwable t = ex instanceof CommandLine.ExecutionException && ex.getCause() != null ? ex.getCause() : ex;
        String problem = userError(t);
        if (problem != null) {
            err.println(prefix + problem);
            if (debug) {
                t.printStackTrace(err);
            }
            err.flush();
            return USER_ERROR;
        }
        err.println(prefix + "internal error: " + t.getClass().getName() + ": " + t.getMessage());
        if (debug) {
            t.printStackTrace(err);
        } else {
            err.println(prefix + "this is a bug; run again with " + DEBUG_ENV + "=1 to see its stack trace");
        }
        err.flush();
        return INTERNAL_ERROR;
    }

    /** What the user got wrong, in one line, or null when {@code t} is not a user error. */
    static String userError(Throwable t) {
        if (t instanceof ManifestException
                || t instanceof SigningKeys.SigningKeyException
                || t instanceof KvException
                || t instanceof ContainerException
                || t instanceof LayoutException
                || t instanceof IllegalArgumentException) {
            return t.getMessage();
        }
        if (t instanceof UncheckedIOException u) {
            return u.getMessage() != null && !u.getMessage().equals(String.valueOf(u.getCause()))
                    ? u.getMessage() + ": " + describe(u.getCause())
                    : describe(u.getCause());
        }
        if (t instanceof IOException io) {
            return describe(io);
        }
        if (t instanceof OutOfMemoryError) {
            Runtime rt = Runtime.getRuntime();
            return "out of memory (" + t.getMessage() + "): the JVM may use " + (rt.maxMemory() >> 20) + " MiB; ask for"
                    + " less (a smaller heap_size or --heap) or give it more (TEEMATE_JAVA_OPTS=-Xmx16g)";
        }
        return null;
    }

    /** A file error as "PATH: no such file", "PATH: permission denied", or the exception's own words. */
    public static String describe(IOException e) {
        return FileErrors.describe(e);
    }

    /**
     * Runs commands as picocli's {@link CommandLine.RunLast} does, handing an {@link Error} a command throws (an
     * {@link OutOfMemoryError}, an assertion) to the execution-exception handler too: picocli lets errors through.
     */
    static int executeLast(CommandLine.ParseResult parseResult) {
        try {
            return new CommandLine.RunLast().execute(parseResult);
        } catch (Error e) {
            CommandLine last = parseResult
                    .asCommandLineList()
                    .get(parseResult.asCommandLineList().size() - 1);
            throw new CommandLine.ExecutionException(last, String.valueOf(e), e);
        }
    }
}
