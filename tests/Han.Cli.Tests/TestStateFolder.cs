using System.Runtime.CompilerServices;

namespace Han.Cli.Tests;

/// <summary>
/// Gives the tests that run han in-process (<see cref="HanRunner"/>, <c>Program.Run</c>) a state folder of
/// this test run's own, before any test starts: han reads <c>STATE_DIRECTORY</c> for the line settings it
/// remembers and the statistics positions it keeps, and without it would use the user's
/// ~/.local/state/han, which earlier runs, other test runs and other worktrees share, so that a test could
/// pass or fail by what another left there. The processes <see cref="Shell"/> starts get one each.
/// </summary>
internal static class TestStateFolder
{
#pragma warning disable CA2255 // a test assembly's own set-up, run once before its first test: exactly what module initializers are for
    [ModuleInitializer]
#pragma warning restore CA2255
    internal static void GiveThisRunItsOwn()
    {
        var folder = Directory.CreateTempSubdirectory("han-test-inprocess-state-").FullName;
        Environment.SetEnvironmentVariable("STATE_DIRECTORY", folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Directory.Delete(folder, recursive: true);
    }
}
