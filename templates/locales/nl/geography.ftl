## Gemeenten en hun middelpunten (werkgebieden met een straal)

geo-nav = Gemeenten
geo-title = Gemeenten
geo-intro = De gemeenten die het platform kent, met de breedte- en lengtegraad van hun middelpunt. Een aanbod met een straal (bijvoorbeeld 25 km rond de onderneming) bedient elke gemeente waarvan het middelpunt binnen die afstand ligt van het middelpunt van de gemeente van de onderneming. Heeft een gemeente geen coördinaten, dan bedient een aanbod met een straal van een onderneming daar alleen die eigen gemeente.
geo-done = Geïmporteerd: { $added } toegevoegd, { $updated } bijgewerkt.
geo-file-hint = Een CSV-bestand (hoogstens { $max_mb } MB) met de kolommen code (de CBS-code, zoals GM0363), name, latitude en longitude (graden, zoals 52.3676 en 4.9041; beide mogen leeg blijven). Gemeenten die er al zijn, worden bijgewerkt op hun code; heeft een regel een fout, dan wordt niets opgeslagen.
geo-list = { $count ->
    [one] Eén gemeente
   *[other] { $count } gemeenten
}
geo-without = { $count ->
    [one] Eén gemeente heeft
   *[other] { $count } gemeenten hebben
} geen coördinaten: aanbod met een straal van ondernemingen daar bedient alleen hun eigen gemeente.
geo-none = Nog geen gemeenten: importeer een bestand.
geo-code = CBS-code
geo-name = Naam
geo-latitude = Breedtegraad
geo-longitude = Lengtegraad
geo-no-coordinates = Het platform heeft geen coördinaten van { $municipality }: een aanbod met een straal telt alleen als levering in { $municipality }.
error-import-municipalities-unknown-column = Deze kolom is onbekend. Toegestane kolommen: code, name, latitude, longitude.
error-import-municipalities-no-rows = Het bestand heeft een kopregel maar geen gemeenten.
error-import-municipality-code = Vul de CBS-code in: GM en vier cijfers, zoals GM0363.
error-import-municipality-twice = Deze gemeente staat meer dan eens in het bestand.
error-import-municipality-name-taken = Een andere gemeente op het platform (met een andere CBS-code) heeft deze naam.
error-import-latitude = Vul de breedtegraad in graden in, tussen -90 en 90, zoals 52.3676.
error-import-longitude = Vul de lengtegraad in graden in, tussen -180 en 180, zoals 4.9041.
error-import-coordinates-pair = Geef zowel de breedte- als de lengtegraad, of geen van beide.
