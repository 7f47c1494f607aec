namespace JepBot.Dialogs.Flows.Menu;

/// <summary>
/// One item of the main menu: a built feature and the dialog that runs it.
/// Features add their own entry; the menu never shows anything that has no dialog behind it.
/// </summary>
/// <param name="Key">Stable value sent by the menu button.</param>
/// <param name="TitleKey">Resource key of the button title.</param>
/// <param name="DialogId">Dialog started when the entry is chosen.</param>
/// <param name="Synonyms">Extra typed words that choose the entry (e.g. "over", "about").</param>
public sealed record MenuEntry(string Key, string TitleKey, string DialogId, params string[] Synonyms);
