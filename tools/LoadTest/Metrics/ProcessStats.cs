using System.Diagnostics;
using System.Globalization;

namespace LiveStreamX.LoadTest.Metrics;

/// <summary>CPU time and resident memory of this process or of the server's (read from /proc on Linux).</summary>
public static class ProcessStats
{
    // USER_HZ: the unit of utime and stime in /proc, 100 on every Linux architecture .NET runs on.
    private const double TicksPerSecond = 100.0;

    /// <summary>CPU seconds (user + system) of the load generator itself.</summary>
    public static double ClientCpuSeconds()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime.TotalSeconds;
    }

    public static long ClientRssBytes()
    {
        using var self = Process.GetCurrentProcess();
        return self.WorkingSet64;
    }

    /// <summary>CPU seconds of another process, or null when it cannot be read.</summary>
    public static double? CpuSeconds(int? pid)
    {
        var stat = Read(pid, "stat");
        if (stat is null)
        {
            return null;
        }

        // Fields after the command name (which may hold spaces) start at ") "; utime and stime are fields 14 and 15.
        var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
        return (long.Parse(fields[11], CultureInfo.InvariantCulture) + long.Parse(fields[12], CultureInfo.InvariantCulture)) / TicksPerSecond;
    }

    /// <summary>Resident memory of another process in bytes, or null when it cannot be read.</summary>
    public static long? RssBytes(int? pid)
    {
        var status = Read(pid, "status");
        var line = status?.Split('\n').FirstOrDefault(l => l.StartsWith("VmRSS:", StringComparison.Ordinal));
        return line is null
            ? null
            : long.Parse(line["VmRSS:".Length..].Trim().Split(' ')[0], CultureInfo.InvariantCulture) * 1024;
    }

    private static string? Read(int? pid, string file)
    {
        if (pid is null)
        {
            return null;
        }

        try
        {
            return File.ReadAllText($"/proc/{pid}/{file}");
        }
        catch (IOException)
        {
            return null;
        }
        catch (UnauthorizedAccessException)
        {
            return null;
        }
    }
}
