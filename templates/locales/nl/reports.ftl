# Sectorrapportage (Nederlands).
# Houd de sleutels in dezelfde volgorde als en/reports.ftl.

## Navigatie en kop

report-nav = Sectorrapportage
report-title = Sectorrapportage
report-intro = Wat de sociale ondernemingen in de gemeente samen doen: hoeveel mensen er werken, hoeveel er doorstromen naar betaald werk, en hoe dat zich ontwikkelt. De cijfers komen van de ondernemingen zelf.
report-no-figures = Er zijn nog geen cijfers om over te rapporteren. Zodra sociale ondernemingen hun cijfers hebben aangeleverd, verschijnt hier de sectorrapportage.
report-exact-banner = Niet voor publicatie — exacte cijfers
report-exact-text = U ziet de exacte cijfers, zonder afscherming. Daaruit kan iets over één onderneming af te leiden zijn: deel deze pagina en de download niet. De openbare versie schermt zulke cijfers af.

## Periodekeuze en download

report-recent = Recente periodes
report-period = Periode
report-period-quarters = Kwartalen
report-period-years = Jaren
report-show = Tonen
report-csv = Cijfers downloaden voor Excel

## Ondernemingen

report-organisations = Ondernemingen
report-registered = Geregistreerde ondernemingen
report-approved = Goedgekeurde ondernemingen
report-moves-per-100 = Doorstroom naar betaald werk per 100 mensen uit de doelgroep
report-reporting = Cijfers aangeleverd
report-response-rate = Respons
report-none-reporting = Voor deze periode heeft nog geen enkele onderneming cijfers aangeleverd.

## Kerncijfers

report-headlines = Kerncijfers
report-headlines-caption = Kerncijfers over { $period }, met het verschil met de vorige periode en met dezelfde periode een jaar eerder
report-measure = Cijfer
report-change-against = Verschil met { $period }
report-change-previous = Verschil met vorige periode
report-change-year = Verschil met een jaar eerder
report-stocks-flows = Aantallen mensen (zoals mensen aan het werk) gelden aan het einde van de periode; in- en uitstroom (zoals doorstroom naar betaald werk) is opgeteld over de hele periode.
report-no-previous = Over de vorige periode zijn geen cijfers.
report-no-year-earlier = Over dezelfde periode een jaar eerder zijn geen cijfers.

## Wat er gemeten wordt

report-measure-paid-target-group = Doelgroepmedewerkers in betaald werk
report-measure-paid-regular = Overig betaald personeel
report-measure-trainees = Deelnemers aan leerwerktrajecten
report-measure-daytime-activities = Deelnemers aan dagbesteding
report-measure-volunteers = Vrijwilligers
report-measure-people-working = Mensen aan het werk
report-measure-target-group-people = Mensen uit de doelgroep
report-measure-new-participants = Nieuwe instromers
report-measure-moved-to-paid-internal = Doorgestroomd naar betaald werk bij de eigen onderneming
report-measure-moved-to-paid-external = Doorgestroomd naar betaald werk elders
report-measure-moved-to-paid = Doorstroom naar betaald werk
report-measure-moved-to-education = Doorgestroomd naar onderwijs
report-measure-other-exits = Om een andere reden vertrokken
report-measure-people = Mensen uit de doelgroep

## Ontwikkeling en uitsplitsingen

report-series = Ontwikkeling
report-series-none = Er zijn nog te weinig cijfers om een ontwikkeling te tonen.
report-chart-series-people = { $kind ->
    [year] Mensen aan het werk per jaar
   *[quarter] Mensen aan het werk per kwartaal
}
report-chart-series-moves = { $kind ->
    [year] Doorstroom naar betaald werk per jaar
   *[quarter] Doorstroom naar betaald werk per kwartaal
}
report-chart-series-title = { $kind ->
    [year] Mensen aan het werk en doorstroom naar betaald werk per jaar
   *[quarter] Mensen aan het werk en doorstroom naar betaald werk per kwartaal
}
report-year-coverage = { $coverage }: dit jaar loopt nog; het omvat de genoemde kwartalen. Stromen tellen deze kwartalen op; bestanden zijn het laatst gemelde kwartaal van elke onderneming.
report-series-switch = { $kind ->
    [year] Per jaar tonen
   *[quarter] Per kwartaal tonen
}
report-breakdown-sector = Naar sector
report-breakdown-target-group = Naar doelgroep
report-breakdown-municipality = Naar gemeente
report-dimension-sector = Sector
report-dimension-target-group = Doelgroep
report-dimension-municipality = Gemeente
report-chart-sector-title = Mensen aan het werk per sector
report-chart-target-group-title = Mensen per doelgroep
report-chart-municipality-title = Mensen aan het werk per gemeente
report-organisations-count = Ondernemingen
report-municipality-unknown = Onbekend
report-breakdown-none = Er zijn geen cijfers om uit te splitsen.

## Afscherming

report-suppressed = afgeschermd
report-disclosure-title = Over afgeschermde cijfers
report-disclosure-text = Een streepje (–) staat voor een afgeschermd cijfer. Zo'n cijfer zou iets kunnen verraden over één onderneming. Een cijfer wordt afgeschermd als minder dan { $min_organisations } ondernemingen eraan bijdragen, als één onderneming er meer dan { $max_share_pct }% van levert of als het minder dan { $min_people } mensen telt. Waar nodig wordt nog een cijfer afgeschermd, zodat een afgeschermd cijfer niet uit de andere cijfers en de totalen terug te rekenen is. Een verschil ontbreekt als een van beide cijfers is afgeschermd.
report-disclosure-some = In deze rapportage zijn cijfers afgeschermd.
report-disclosure-exact = Dit zijn de exacte cijfers, zonder afscherming. In de openbare rapportage zijn cijfers afgeschermd die iets over één onderneming kunnen verraden.
report-rules = Elke onderneming telt één keer mee, onder haar eerstgenoemde sector. Over een jaar wordt de in- en uitstroom van de kwartalen opgeteld; voor de aantallen mensen telt het laatste kwartaal waarover een onderneming cijfers heeft aangeleverd.

## review workflow

report-provisional-mark = Voorlopig
report-provisional-text =
    { $count ->
        [one] Eén inzending over deze periode is nog niet beoordeeld; de cijfers kunnen nog veranderen.
       *[other] { $count } inzendingen over deze periode zijn nog niet beoordeeld; de cijfers kunnen nog veranderen.
    }
