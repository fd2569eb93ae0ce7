# Het advies voor voorbehouden opdrachten
nav-advisor = Advies
advisor-title = Advies voor voorbehouden opdrachten
advisor-intro = Beschrijf een geplande inkoop of upload uw inkoopkalender en zie per inkoop welke sociale ondernemingen een voorbehouden opdracht kunnen krijgen (Aanbestedingswet art. 2.82), hoe groot ze samen zijn en wat wij aanraden.
advisor-rules-title = Hoe het advies tot stand komt
advisor-rule-eligible = Een sociale onderneming komt in aanmerking met het keurmerk voor voorbehouden opdrachten (minstens 30 % van het betaalde personeel uit de doelgroep, volgens de laatst geaccepteerde cijfers), een actief aanbod in de CPV-tak van de inkoop (de eerste { $digits } cijfers van de code) van de gevraagde soort, en levering in de gemeente: precies wat de catalogus met die filters vindt.
advisor-rule-whole = Reserveer de hele opdracht als minstens { $min } sociale ondernemingen in aanmerking komen en het jaarbudget hoogstens { $max } % van hun gezamenlijke jaaromzet is.
advisor-rule-lot = Reserveer anders een perceel, ter grootte van { $max } % van hun omzet, als minstens { $min } van hen hun omzet melden.
advisor-rule-social-return = Gebruik anders een clausule social return bij een budget vanaf { $min_eur }; daaronder, of zonder sociale ondernemingen die in aanmerking komen, eerst een uitvraag plaatsen.
advisor-rule-bands = De omvang van minder dan 3 sociale ondernemingen, of van een groep waarin één overheerst, tonen we alleen als klasse.
advisor-one-title = Eén inkoop
advisor-field-title = Wat u inkoopt
advisor-field-cpv = CPV-codes
advisor-field-cpv-hint = Eén tot tien codes, bijv. 90911200, gescheiden door spaties.
advisor-field-kind = Soort aanbod
advisor-kind-any = Elke soort
advisor-field-municipality = Gemeente waar geleverd wordt
advisor-field-budget = Budget in euro (excl. btw)
advisor-field-budget-hint = De hele opdrachtwaarde, bijv. 250000.
advisor-field-duration = Looptijd in maanden
advisor-submit = Advies geven
advisor-untitled = Geplande inkoop
advisor-calendar-title = Inkoopkalender
advisor-calendar-intro = Upload een CSV-bestand met één geplande inkoop per regel: title, cpv_codes, kind (optioneel), municipality, budget_eur, duration_months.
advisor-calendar-example = Download de voorbeeldkalender
advisor-calendar-hint = Een CSV-bestand van hoogstens { $max_mb } MB en 500 inkopen.
advisor-calendar-submit = Advies over de kalender
advisor-calendar-errors = Er is geen advies gegeven: verbeter deze regels en upload het bestand opnieuw.
advisor-calendar-done = Advies over { $count } geplande inkopen uit { $source }.
advisor-download = Advies downloaden (CSV)
advisor-totals-title = Wat de kalender kan voorbehouden
advisor-totals-reservable = { $purchases } van { $all } inkopen kunnen geheel of als perceel worden voorbehouden aan sociale ondernemingen: { $amount } van { $budget }.
advisor-advice-title = Advies
advisor-col-recommendation = Advies
advisor-col-purchases = Inkopen
advisor-col-budget = Budget
advisor-col-eligible = Sociale ondernemingen die in aanmerking komen
advisor-col-people = Werkzame personen
advisor-col-turnover = Jaaromzet
advisor-col-yearly-budget = Budget per jaar
advisor-months = { $count ->
    [one] { $count } maand
   *[other] { $count } maanden
}
advisor-eligible-count = { $count ->
    [0] geen — bekijk de zoekopdracht
    [one] 1 sociale onderneming
   *[other] { $count } sociale ondernemingen
}
advisor-eligible-list = Welke sociale ondernemingen
advisor-share = { $share } van hun omzet
advisor-lot = een perceel van { $amount }
advisor-post-need = Plaats een uitvraag voor deze inkoop
advisor-rec-reserve_whole = Reserveer de hele opdracht
advisor-rec-reserve_lot = Reserveer een perceel
advisor-rec-social_return = Gebruik een clausule social return
advisor-rec-post_need = Plaats eerst een uitvraag
advisor-band-1_9 = 1 tot 9
advisor-band-10_49 = 10 tot 49
advisor-band-50_249 = 50 tot 249
advisor-band-250_plus = 250 of meer
advisor-band-under_100k = minder dan € 100.000
advisor-band-100k_1m = € 100.000 tot € 1 miljoen
advisor-band-1m_10m = € 1 miljoen tot € 10 miljoen
advisor-band-10m_plus = € 10 miljoen of meer
advisor-reason-none = Geen sociale onderneming met het keurmerk voor voorbehouden opdrachten biedt deze CPV-tak en soort aan in deze gemeente.
advisor-reason-count = { $count ->
    [one] 1 sociale onderneming die in aanmerking komt kan dit leveren
   *[other] { $count } sociale ondernemingen die in aanmerking komen kunnen dit leveren
} (minstens { $min } om de hele opdracht voor te behouden).
advisor-reason-within = Het jaarbudget is hoogstens { $max } % van hun gezamenlijke jaaromzet: zij kunnen het dragen.
advisor-reason-over = Het jaarbudget is meer dan { $max } % van hun gezamenlijke jaaromzet: te groot voor hen als geheel.
advisor-reason-no-turnover = Geen van hen meldt een omzet, dus of zij het kunnen dragen is onbekend.
advisor-reason-lot = Een perceel van { $lot } past bij de omzet van de { $wises } die die melden.
advisor-reason-social-return = Een clausule social return vraagt de opdrachtnemer in te kopen bij sociale ondernemingen of hun mensen in dienst te nemen; die past bij een budget vanaf { $min_eur }.
advisor-reason-post-need = Plaats eerst een uitvraag: de sociale ondernemingen die reageren laten zien wat u een volgende keer kunt voorbehouden.
error-advisor-cpv = Geen CPV-code: acht cijfers met eventueel een controlecijfer (90911200-8), gescheiden door spaties.
error-advisor-cpv-count = Hoogstens 10 CPV-codes.
error-advisor-cpv-unknown = Een code die niet in de CPV-woordenlijst staat.
error-advisor-municipality = Geen gemeente die het platform kent.
error-advisor-budget = Een budget in hele euro's groter dan nul, bijv. 250000.
error-advisor-duration = Een looptijd van 1 tot 120 maanden.
error-import-advisor-unknown-column = Geen kolom van een inkoopkalender: title, cpv_codes, kind, municipality, budget_eur, duration_months.
error-import-advisor-no-rows = De kalender heeft geen geplande inkopen onder de kopregel.
error-import-advisor-too-many = Een kalender bevat hoogstens 500 inkopen.
advisor-col-certified = Met een geverifieerd certificaat
advisor-certified-count = { $count ->
    [0] geen (inkopen bij hen tellen voor social return alleen tegen het laagste percentage)
    [one] 1 onderneming (PSO, Code Sociale Ondernemingen of Social Enterprise NL, door de beheerder gecontroleerd)
   *[other] { $count } ondernemingen (PSO, Code Sociale Ondernemingen of Social Enterprise NL, door de beheerder gecontroleerd)
}
advisor-reason-certified = { $certified } van de { $count } ondernemingen die in aanmerking komen hebben een geverifieerd, geldig certificaat, dus inkopen van een opdrachtnemer bij hen tellen voor social return tegen de hogere percentages van de gemeente.
