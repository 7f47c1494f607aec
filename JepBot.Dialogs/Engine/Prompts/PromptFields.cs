namespace JepBot.Dialogs.Engine.Prompts;

/// <summary>Names of the card data fields prompt cards submit, shared by the card builder and the recogniser.</summary>
public static class PromptFields
{
    public const string Choice = "choice";
    public const string Choices = "choices";
    public const string Text = "text";
    public const string Yes = "yes";
    public const string No = "no";
}
