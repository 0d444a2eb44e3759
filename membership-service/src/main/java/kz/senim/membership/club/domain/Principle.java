package kz.senim.membership.club.domain;

/** The seven principles of mediation (docs/domain.md §3), each with its default title and text. */
public enum Principle {
    VOLUNTARINESS(
            new Localized("Еріктілік", "Добровольность", "Voluntariness"),
            new Localized(
                    "Қатысу — әр тараптың өз шешімі: ешкімді мәжбүрлеуге болмайды, кез келген тарап процесті кез келген"
                            + " уақытта тоқтата алады.",
                    "Участие — собственное решение каждой стороны: никого нельзя принуждать, и любая сторона может"
                            + " прекратить процесс в любой момент.",
                    "Taking part is each party's own decision: nobody may be forced, and any party may stop the process"
                            + " at any time.")),
    NEUTRALITY(
            new Localized(
                    "Бейтараптық пен әділдік", "Нейтральность и беспристрастность", "Neutrality and impartiality"),
            new Localized(
                    "Медиатор барлық тарапқа бірдей қарайды және ешкімнің жағын ұстамайды; шешімге медиатор емес,"
                            + " тараптардың өздері жауапты.",
                    "Медиатор одинаково относится ко всем сторонам и не встаёт ни на чью сторону; за решение отвечают"
                            + " сами стороны, а не медиатор.",
                    "The mediator treats all parties alike and takes no side; the parties, not the mediator, are"
                            + " responsible for the decision.")),
    CONFIDENTIALITY(
            new Localized("Құпиялылық", "Конфиденциальность", "Confidentiality"),
            new Localized(
                    "Медиация барысында айтылғанның бәрі құпия сақталады; сенім мен ашықтық осының арқасында мүмкін"
                            + " болады.",
                    "Всё, что сказано в ходе медиации, остаётся конфиденциальным; именно это делает возможными доверие"
                            + " и открытость.",
                    "Everything said in mediation stays confidential; this is what makes trust and openness possible.")),
    EQUALITY(
            new Localized("Тараптардың теңдігі", "Равноправие сторон", "Equality of the parties"),
            new Localized(
                    "Тараптардың құқықтары тең; ешкім беделі, жасы немесе лауазымы арқылы артықшылық алмайды.",
                    "Стороны равны в правах; никто не получает преимущества благодаря авторитету, возрасту или"
                            + " положению.",
                    "The parties have equal rights; nobody gains an advantage from authority, age or position.")),
    COOPERATION(
            new Localized(
                    "Ынтымақтастық және өзара құрмет",
                    "Сотрудничество и взаимное уважение",
                    "Cooperation and mutual respect"),
            new Localized(
                    "Медиация — жарыс емес, өзара түсіністікке апаратын жол.",
                    "Медиация — это путь к взаимопониманию, а не состязание.",
                    "Mediation is a way to understanding, not a contest.")),
    OWNERSHIP(
            new Localized(
                    "Жанжал мен оның шешімі тараптардың өзіне тиесілі",
                    "Конфликт и его решение принадлежат сторонам",
                    "The parties own the conflict and its solution"),
            new Localized(
                    "Шешімді тараптардың өздері қабылдайды, сондықтан ол олардың мүддесіне сай келеді және орындалуы"
                            + " ықтимал.",
                    "Стороны сами принимают решение, поэтому оно отвечает их интересам и, скорее всего, будет"
                            + " выполнено.",
                    "The parties themselves decide, so the decision fits their interests and is likely to be kept.")),
    FUTURE(
            new Localized("Болашаққа бағдар", "Ориентация на будущее", "Orientation to the future"),
            new Localized(
                    "Медиация кінәліні емес, шешімді іздейді; ол бұдан әрі қалай әрекет ету керегіне назар аударады.",
                    "Медиация ищет решение, а не виноватых; она сосредоточена на том, как действовать дальше.",
                    "Mediation looks for a solution, not for the guilty; it focuses on how to act from now on."));

    private final Localized defaultTitle;
    private final Localized defaultText;

    Principle(Localized defaultTitle, Localized defaultText) {
        this.defaultTitle = defaultTitle;
        this.defaultText = defaultText;
    }

    public Localized defaultTitle() {
        return defaultTitle;
    }

    public Localized defaultText() {
        return defaultText;
    }
}
