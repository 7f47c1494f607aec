namespace JepBot.Dialogs.Privacy;

/// <summary>
/// Word lists for name detection. Most names in a professional's text come without a cue ("Sanne zei dat..."), so a
/// list of first names common among young people in the Netherlands catches them; the other lists stop capitalised
/// words that are not names (organisations, sentence starters, weekdays) from being read as one.
/// </summary>
internal static class NameLists
{
    /// <summary>
    /// Common first names of young people in the Netherlands (Dutch, Moroccan, Turkish, Surinamese, Antillean, Polish,
    /// Syrian, Eritrean backgrounds). Names that are also ordinary capitalised words are left out on purpose:
    /// Ben ("Ben ik..."), Can, Will, May, June, April, Mark, Grace, Hope, Joy, Rose, Dean, Lot, Jet, Summer, Storm, Sky.
    /// </summary>
    public static readonly HashSet<string> FirstNames = new(
        """
        Aaron Abdel Abdelkader Abdullah Adam Adem Adil Ahmad Ahmed Aisha Aiden Alexander Ali Alicia Amber Amin Amina Amine
        Amira Amy Angelo Anna Anne Annika Anouk Arda Arjen Armin Arthur Aya Ayaan Ayman Ayoub Ayse Ayşe Bart Bas Berat
        Bilal Bo Boaz Bram Britt Burak Busra Büşra Casper Cem Chantal Charlotte Chelsea Chiara Daan Damian Dani Daniel
        Daniël Dave David Defne Demi Dennis Dewi Dion Dirk Djamila Djenna Dounia Dylan Ebru Efe Elif Elin Elise Ella
        Emma Emre Enzo Eren Esma Esmee Esra Eva Evi Fabian Fadoua Fatima Fatma Femke Fenna Finn Fleur Floor Floris Gijs
        Hamza Hanna Hannah Hasan Hatice Hiba Hidde Hugo Huseyin Hüseyin Ibrahim Ilias Ilyas Imane Imran Ines Iris Isa
        Isabel Isabella Ismail Ivan Ivo Jack Jade Jake Jakub Jamal Jan Jasmijn Jasmine Jason Jayden Jaylen Jens Jeroen
        Jesse Jill Jip Joep Johan Jonas Joost Jordi Jordy Joris Joshua Julia Julian Julie Jurre Justin Kacper Kaan Kai
        Karim Kay Kees Kerem Kevin Khadija Kiki Kim Kofi Lana Lara Lars Latifa Laura Lauren Lea Leah Lena Levi Liam Lieke
        Lina Lisa Liv Lize Lois Lotte Luca Lucas Lucy Luna Luuk Lynn Maartje Madelief Mahmoud Maja Malak Manon Marco
        Mariam Marit Marleen Martijn Maryam Mats Maud Max Maya Mees Mehmet Melis Melissa Merel Merve Mert Mia Michelle Mike
        Mila Milan Milou Mirthe Mo Mohamed Mohammed Morris Mustafa Nadia Naima Naomi Nathan Niels Nienke Nik Nina Noa Noah
        Noor Nora Nour Nova Olivia Olivier Oliwia Omar Oscar Owen Patrick Pieter Pim Priscilla Quincy Rania Rayan Rik
        Robin Romano Romy Roos Rosa Ruben Rutger Ryan Saar Salma Sam Samira Samuel Sander Sanne Sara Sarah Sem Senna Sergio
        Shanice Siem Sofia Sofie Sophie Soufiane Sterre Stijn Sven Szymon Tamara Tess Teun Thijs Thomas Ties Tijn Tim
        Tobias Tom Tygo Tyler Vera Vince Wessel Wiktoria Wouter Yara Yasmin Yasmina Yassin Yonas Youssef Yusuf Zakaria
        Zeynep Zoë Zoey Zuzanna
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>
    /// Capitalised words that end or refuse a name: organisations the professional works with ("Veilig Thuis", "Platform
    /// JEP"), institutions, school types and subjects, apps, weekdays, months, and sentence starters. A name whose
    /// first word is here is dropped; a later word here ends the name before it.
    /// </summary>
    public static readonly HashSet<string> NotNames = new(
        """
        Veilig Thuis Landelijk Steunpunt Extremisme ESS Platform JEP Meld Misdaad Anoniem Politie Gemeente GGD GGZ CJG
        Jeugdzorg Jeugdbescherming Raad Kinderbescherming Halt Leerplicht Wijkteam Buurtteam Team Teams School Scholen
        College Lyceum Gymnasium Centrum Ziekenhuis Stichting Bureau Zorg Samen Sociaal Kindertelefoon Jeugdwet Wet
        Jeugdarts Huisarts Wijkagent Mentor Docent Leerkracht Zorgcoördinator Intern Begeleider Jongerenwerker Advies
        Havo Vwo Vmbo Mbo Hbo Praktijkonderwijs Engels Nederlands Frans Duits Wiskunde Gym Biologie Geschiedenis
        WhatsApp Instagram Snapchat TikTok Facebook Discord Telegram YouTube Google Microsoft Signal
        Maandag Dinsdag Woensdag Donderdag Vrijdag Zaterdag Zondag Monday Tuesday Wednesday Thursday Friday Saturday Sunday
        Januari Februari Maart April Mei Juni Juli Augustus September Oktober November December
        January February March May June July August October
        De Het Een Hij Zij Ze Ik Wij We Jij Je Dit Dat Deze Die Er Daarna Toen Maar En Ook Nu Wat Hoe Waarom Wie Welke
        Is Kan Mag Moet Wil Heeft Had Was Zijn In Op Bij Na Voor Met Van Over Uit Als Om Tot Dus Want Omdat Sinds Vandaag
        Gisteren Morgen Vorige Volgende Onze Mijn Zijn Haar Hun Graag Hallo Hoi Beste Groet Groeten Dank Bedankt
        The He She It They This That Then But And Also What How Why Who When Can May Should Is Are Was Were Has Have Yesterday
        Today Tomorrow Last Next Our My His Her Their Hello Dear Thanks Please
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.Ordinal);

    /// <summary>Words that name a label rather than a person before a capital with a full stop: "Plan B.", "bijlage C.".</summary>
    public static readonly HashSet<string> LabelWords = new(
        """
        plan stap fase optie scenario hoofdstuk artikel niveau groep klas vitamine categorie type blok route model deel
        level step option appendix annex paragraaf lid bijlage punt vraag variant versie gebouw lokaal vleugel zone
        """.Split((char[])[' ', '\r', '\n'], StringSplitOptions.RemoveEmptyEntries),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>Words after which a capitalised word is a place, not a person: "gemeente Ede", "in de wijk Zuid".</summary>
    public static readonly HashSet<string> PlaceWords = new(
        ["gemeente", "gemeenten", "municipality", "wijk", "stad", "dorp", "regio", "provincie", "plaats", "woonplaats", "city", "town"],
        StringComparer.OrdinalIgnoreCase);
}
