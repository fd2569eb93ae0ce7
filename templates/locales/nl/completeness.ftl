# Volledigheid van het profiel
completeness-title = Uw profiel is { $score } % compleet
completeness-done = gedaan
completeness-missing = ontbreekt nog
completeness-item-description = Een beschrijving van minstens 80 tekens
completeness-item-contact = Een website, een e-mailadres en een telefoonnummer
completeness-item-address = Een straatadres
completeness-item-market_income = Het aandeel inkomsten uit de markt
completeness-item-offerings = Minstens één aanbod, elk met een CPV-code
completeness-item-service_areas = Waar elk aanbod geleverd wordt (een straal vraagt een gemeente die het platform kan plaatsen)
completeness-item-certificates = Een geverifieerd certificaat of lidmaatschap (PSO, Code Sociale Ondernemingen, Social Enterprise NL of een ander), door de beheerder gecontroleerd aan de hand van het bewijs
completeness-item-figures = Cijfers over de laatste rapportageperiode
completeness-nav = Volledigheid profielen
completeness-overview-title = Volledigheid van de profielen
completeness-overview-intro = { $count } goedgekeurde sociale ondernemingen; hun profielen zijn gemiddeld { $average } % compleet. De minst complete staan bovenaan.
completeness-overview-below = { $under ->
    [0] Geen sociale onderneming scoort onder { $below } %, de score waaronder de maandelijkse herinnering verstuurd wordt.
    [one] 1 sociale onderneming scoort onder { $below } % en krijgt de maandelijkse herinnering.
   *[other] { $under } sociale ondernemingen scoren onder { $below } % en krijgen de maandelijkse herinnering.
}
completeness-overview-none = Er zijn nog geen goedgekeurde sociale ondernemingen.
completeness-col-wise = Sociale onderneming
completeness-col-score = Score
completeness-col-missing = Ontbreekt
completeness-nudged = herinnerd
mail-profile-nudge-subject = Het profiel van { $wise } is { $score } % compleet
mail-profile-nudge-intro = Inkopers vinden en kiezen sociale ondernemingen op hun profiel. Het profiel van { $wise } is { $score } % compleet; dit ontbreekt nog:
mail-profile-nudge-button = Profiel aanvullen:
digest-completeness = maandelijkse herinneringen om het profiel aan te vullen
