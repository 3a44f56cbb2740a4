package dev.notary4j.bench;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** CPU time and resident memory of a process, read from /proc (Linux). */
final class ProcessStats {

    /** USER_HZ: the unit of utime/stime in /proc/PID/stat on every mainstream Linux. */
    private static final double TICKS_PER_SECOND = 100.0;

    private ProcessStats() {
    }

    /** utime + stime in milliseconds. */
    static double cpuMillis(long pid) {
        try {
            return ticksToMillis(Files.readString(Path.of("/proc/" + pid + "/stat")));
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/stat", e);
        }
    }

    /**
     * utime + stime in milliseconds of the process's JIT compiler threads (HotSpot names them "C1 CompilerThreadN" and
     * "C2 CompilerThreadN"; the kernel keeps 15 characters); 0 for a process without them, such as a Go binary.
     */
    static double compilerCpuMillis(long pid) {
        double millis = 0;
        try (DirectoryStream<Path> tasks = Files.newDirectoryStream(Path.of("/proc/" + pid + "/task"))) {
            for (Path task : tasks) {
                String stat;
                try {
                    stat = Files.readString(task.resolve("stat"));
                } catch (IOException threadEnded) {
                    continue;
                }
                String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                if (name.startsWith("C1 CompilerThre") || name.startsWith("C2 CompilerThre")) {
                    millis += ticksToMillis(stat);
                }
            }
        } catch (IOException e) {
            throw new IllegalStateException("cannot list /proc/" + pid + "/task", e);
        }
        return millis;
    }

    private static double ticksToMillis(String stat) {
        // Fields after the ")" that closes the command name: state is field 3, utime 14, stime 15.
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        long ticks = Long.parseLong(fields[11]) + Long.parseLong(fields[12]);
        return ticks * 1000.0 / TICKS_PER_SECOND;
    }

    /** VmRSS in MiB. */
    static double rssMib(long pid) {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/" + pid + "/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024.0;
                }
            }
            return Double.NaN;
        } catch (IOException e) {
            throw new IllegalStateException("cannot read /proc/" + pid + "/status", e);
        }
    }
}
