using System.Text.Json.Serialization;
using MedEdu.Compute.Wording;

namespace MedEdu.Compute.Exercises;

/// <summary>What a student sees before answering: never the measured values, predictions or the answer.</summary>
/// <param name="Id">Exercise id.</param>
/// <param name="Kind">Kind.</param>
/// <param name="Difficulty">1 (easy) to 3 (hard).</param>
/// <param name="Prompt">The task in words; the student routes answer it in the reader's language (Accept-Language) where it has catalog words.</param>
/// <param name="Query">The query compound of a similarity hunt, else null.</param>
/// <param name="Candidates">The compounds to choose from or order.</param>
/// <param name="Picks">How many compounds to pick (0 = order all of them; for rule checks and classifications, flag any number).</param>
/// <param name="Label">For a classification: what a flagged compound is labelled ("crosses the blood-brain barrier"); the rest get the opposite label.</param>
/// <param name="Rules">For a rule check: "pains" when it checks PAINS alerts; null for Lipinski and Veber.</param>
/// <param name="Campaign">For a discovery campaign: its goal and budget (the library is served with the campaign's state, not here); else null.</param>
/// <param name="PromptPhrase">The prompt as catalog words (the API answers <paramref name="Prompt"/> in the reader's language from it); null for an instructor's own words, which are shown as written.</param>
/// <param name="LabelPhrase">The label as catalog words, when there is a label.</param>
public sealed record Exercise(string Id, ExerciseKind Kind, int Difficulty, string Prompt, CandidateView? Query, IReadOnlyList<CandidateView> Candidates, int Picks, string? Label = null, string? Rules = null,
    Campaigns.CampaignBrief? Campaign = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? PromptPhrase = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? LabelPhrase = null)
{
    /// <summary>An exercise stated in catalog words: its prompt (and label) in English beside the phrases that put them in any language.</summary>
    public static Exercise Worded(string id, ExerciseKind kind, int difficulty, Phrase prompt, CandidateView? query, IReadOnlyList<CandidateView> candidates, int picks,
        PhraseArg? label = null, string? rules = null, Campaigns.CampaignBrief? campaign = null)
    {
        var labelPhrase = label is null ? null : label.Phrase ?? Phrase.Of(Phrase.WordsKey, label);
        return new(id, kind, difficulty, prompt.English, query, candidates, picks, labelPhrase?.English, rules, campaign, prompt, labelPhrase);
    }
}

/// <summary>A compound as shown in an exercise: structure and the descriptors a student may look up.</summary>
/// <param name="Id">Compound id.</param>
/// <param name="Name">Name (the id when the dataset has none).</param>
/// <param name="Smiles">Structure.</param>
/// <param name="MolWt">Molecular weight.</param>
/// <param name="MolLogP">Crippen logP.</param>
/// <param name="Tpsa">Topological polar surface area (Å²).</param>
/// <param name="HDonors">H-bond donors.</param>
/// <param name="HAcceptors">H-bond acceptors.</param>
/// <param name="RotatableBonds">Rotatable bonds.</param>
/// <param name="Partner">In a matched pair, the compound this one is compared with (shown beside it); else null.</param>
public sealed record CandidateView(string Id, string Name, string Smiles, double MolWt, double MolLogP, double Tpsa, int HDonors, int HAcceptors, int RotatableBonds, CandidateView? Partner = null)
{
    /// <summary>The student-facing view of a pool compound.</summary>
    public static CandidateView From(ExerciseCompound c) => new(c.Id, c.Name, c.Smiles, Math.Round(c.MolWt, 1), Math.Round(c.MolLogP, 2), Math.Round(c.Tpsa, 1), c.HDonors, c.HAcceptors, c.RotatableBonds);
}

/// <summary>
/// The answer key, kept server-side until the student submits: the truth ordering, the model's
/// ordering and the values that explain them, for each candidate.
/// </summary>
/// <param name="Truth">Candidate ids in true order (best first) — for rule checks, the ids that break a rule.</param>
/// <param name="ModelOrder">Candidate ids in the model's order, or empty when the exercise has no model.</param>
/// <param name="Facts">Per candidate: the value that decided its place (similarity, measured, predicted, rule).</param>
/// <param name="Property">
/// The measured property's words, unit and experimental error (feedback speaks them; rankings
/// treat values closer than the error as equal). Null in keys made before it existed: generic words, exact ties only.
/// </param>
/// <param name="BaseRate">For a virtual screen: the share of the drug-like library that is active, which random picks find on average.</param>
/// <param name="PairSimilarities">For an activity cliff: Tanimoto of every pair of candidates similar enough to count, keyed "id|id" (ordinal order).</param>
/// <param name="Evidence">For exercises with a model: each compound's nearest training compounds (<see cref="ModelEvidence"/>).</param>
public sealed record AnswerKey(IReadOnlyList<string> Truth, IReadOnlyList<string> ModelOrder, IReadOnlyDictionary<string, CandidateFacts> Facts,
    PropertyProfile? Property = null, double? BaseRate = null, IReadOnlyDictionary<string, double>? PairSimilarities = null,
    IReadOnlyDictionary<string, IReadOnlyList<TrainingNeighbour>>? Evidence = null)
{
    /// <summary>The key of a pair in <see cref="PairSimilarities"/>.</summary>
    public static string PairKey(string a, string b) => string.CompareOrdinal(a, b) < 0 ? $"{a}|{b}" : $"{b}|{a}";
}

/// <summary>What decided a candidate's place.</summary>
/// <param name="Similarity">Tanimoto to the query (similarity hunts).</param>
/// <param name="Measured">Experimental value.</param>
/// <param name="Predicted">Model prediction.</param>
/// <param name="InDomain">Whether the prediction is within the model's applicability domain.</param>
/// <param name="RuleBreak">The rule broken, if any.</param>
/// <param name="Scaffold">The Murcko scaffold SMILES (scaffold hops), or the partner's id (matched pairs); else null.</param>
/// <param name="RuleBreakPhrase">The rule broken, as catalog words (keys made before it existed: <paramref name="RuleBreak"/> as written).</param>
public sealed record CandidateFacts(double? Similarity, double? Measured, double? Predicted, bool InDomain, string? RuleBreak, string? Scaffold = null,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] Phrase? RuleBreakPhrase = null);
