using System.Collections.Immutable;
using FollowUp.Domain.Scripts;
using FollowUp.Web.Infrastructure;
using Microsoft.AspNetCore.Components;
using Microsoft.JSInterop;
using MudBlazor;

namespace FollowUp.Web.Features.Scripts;

/// <summary>
/// One script for one application: the questions the script needs, the script in the company's language (with
/// the English beside a Japanese script when the interface is English), the user's own edit, copy, mail and call
/// (issue 13, points 5 and 6; ADR 0022). Everything comes from <see cref="ScriptService"/>.
/// </summary>
public sealed partial class ScriptPage
{
    [Parameter] public int Id { get; set; }

    [Parameter] public string Kind { get; set; } = "";

    private ScriptPageData? _data;
    private ScriptKind _kind;
    private ScriptAnswersInput _answers = new();
    private ScriptQuestions _questions = new(false, false, false, false);
    private Script? _script;
    private Script? _readingAid;
    private ImmutableArray<string> _notes = [];
    private ScriptEdit? _edit;
    private bool _profileGaps;
    private bool _notFound;
    private bool _editing;
    private string? _editSubject;
    private string _editBody = "";
    private Dictionary<string, string> _errors = [];
    private readonly HashSet<string> _checked = [];
    private static readonly string[] ChecklistKeys = ["Spam", "Calls", "Deadline", "Holidays"];

    private void Toggle(string key, bool value)
    {
        if (value)
        {
            _checked.Add(key);
        }
        else
        {
            _checked.Remove(key);
        }
    }

    protected override async Task OnParametersSetAsync()
    {
        _data = Enum.TryParse<ScriptKind>(Kind, ignoreCase: true, out _kind) && Enum.IsDefined(_kind)
            ? await Scripts.GetAsync(Id, _kind)
            : null;
        _notFound = NotFoundStatus.Unless(_data is not null, Navigation);
        if (_data is not null)
        {
            _answers = _data.Answers;
            Write();
        }
    }

    /// <summary>Fills the script (and the reading aid) from the current answers, or shows the user's own edit.</summary>
    private void Write()
    {
        var data = _data!;
        var generated = ScriptWriter.Write(_kind, Context(_answers.Language));
        _questions = ScriptInputs.QuestionsFor(_kind, Context(_answers.Language));
        _profileGaps = generated.MissingFields.Any(f => !ScriptInputs.IsAnswerField(f));
        _edit = data.Edits.GetValueOrDefault(_answers.Language);
        _script = _edit is null ? generated : generated with { Subject = generated.Subject is null ? null : _edit.Subject, Body = _edit.Body };

        // Japanese to a Japanese company, with the English beside it for a reader who does not read Japanese (ADR 0022).
        _readingAid = _answers.Language == ScriptLanguage.Japanese && !LocalizationSetup.IsJapanese
            ? ScriptWriter.Write(_kind, Context(ScriptLanguage.English))
            : null;

        // The tips are advice to the user, not text to send: in the interface's language.
        var screen = LocalizationSetup.IsJapanese ? ScriptLanguage.Japanese : ScriptLanguage.English;
        _notes = screen == _answers.Language ? generated.Notes : (_readingAid ?? ScriptWriter.Write(_kind, Context(screen))).Notes;
    }

    private ScriptContext Context(ScriptLanguage language) =>
        ScriptInputs.Context(_data!.Detail, _data.Advice, _data.Profile, language == ScriptLanguage.Japanese, _answers.ToAnswers());

    private async Task AnswerAsync(Action<ScriptAnswersInput> set)
    {
        var language = _answers.Language;
        set(_answers);

        // An edit open in one language is not saved as the other's.
        _editing &= _answers.Language == language;
        _errors = _answers.Validate().ToDictionary(e => e.Field, e => L[e.MessageKey, e.Args].Value);
        if (_errors.Count == 0)
        {
            var saved = await Scripts.SaveAnswersAsync(Id, _answers);
            _errors = saved.Errors.ToDictionary(e => e.Field, e => L[e.MessageKey, e.Args].Value);
        }
        Write();
    }

    private string? Error(string field) => _errors.GetValueOrDefault(field);

    private void StartEdit()
    {
        _editSubject = _script!.Subject;
        _editBody = _script.Body;
        _errors = [];
        _editing = true;
    }

    private void CancelEdit()
    {
        _errors = [];
        _editing = false;
    }

    private async Task SaveEditAsync()
    {
        var edit = new ScriptEdit(_script!.Subject is null ? null : _editSubject ?? "", (_editBody ?? "").ReplaceLineEndings("\n"));
        var generated = ScriptWriter.Write(_kind, Context(_answers.Language));
        if (edit.Subject == generated.Subject && edit.Body == generated.Body)
        {
            // Saved unchanged: nothing of the user's to keep, and the text keeps following the answers.
            _editing = false;
            await DiscardEditAsync();
            return;
        }

        var saved = await Scripts.SaveEditAsync(Id, _kind, _answers.Language, edit);
        _errors = saved.Errors.ToDictionary(e => e.Field, e => L[e.MessageKey, e.Args].Value);
        if (saved.Succeeded)
        {
            _data = _data! with { Edits = new Dictionary<ScriptLanguage, ScriptEdit>(_data.Edits) { [_answers.Language] = edit } };
            _editing = false;
            Write();
        }
    }

    private async Task DiscardEditAsync()
    {
        await Scripts.DiscardEditAsync(Id, _kind, _answers.Language);
        var edits = new Dictionary<ScriptLanguage, ScriptEdit>(_data!.Edits);
        edits.Remove(_answers.Language);
        _data = _data with { Edits = edits };
        Write();
    }

    private async Task CopyAsync()
    {
        var text = _script!.Subject is null ? _script.Body : $"{_script.Subject}\n\n{_script.Body}";
        await JS.InvokeVoidAsync("followUp.copy", text);
        Snackbar.Add(L["Scripts.Copied"], Severity.Success);
    }
}
