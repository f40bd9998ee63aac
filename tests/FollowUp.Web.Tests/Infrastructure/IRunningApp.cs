namespace FollowUp.Web.Tests.Infrastructure;

/// <summary>An app a browser can reach over HTTP: a child process (<see cref="AppServer"/>) or an in-process Kestrel host (<see cref="KestrelApp"/>).</summary>
public interface IRunningApp
{
    Uri BaseUri { get; }

    string Url(string path) => new Uri(BaseUri, path).ToString();
}
