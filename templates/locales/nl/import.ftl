# Sociale ondernemingen importeren uit een CSV-bestand (Nederlands).
# Houd de sleutels in dezelfde volgorde als en/import.ftl.

## De uploadpagina van de beheerder

import-title = Ondernemingen importeren
import-back = Terug naar de ondernemingen
import-link = Ondernemingen importeren uit een CSV-bestand
import-intro = Voeg veel sociale ondernemingen tegelijk toe uit een CSV-bestand. Geïmporteerde ondernemingen zijn meteen goedgekeurd en staan in de catalogus. De import is alles of niets: heeft één regel een fout, dan wordt er niets geïmporteerd en staat elke fout vermeld met de regel en de kolom.
import-file = CSV-bestand
import-file-hint = Een CSV-bestand in UTF-8 (in Excel: "CSV UTF-8"), gescheiden door komma's of puntkomma's, van hoogstens { $max_mb } MB.
import-paste = Of plak de CSV-tekst
import-paste-hint = Dezelfde inhoud als het bestand, met de kopregel. Gebruik een bestand of dit vak, niet allebei.
import-submit = Importeren
import-done =
    { $count ->
        [one] Eén onderneming geïmporteerd.
       *[other] { $count } ondernemingen geïmporteerd.
    }
import-done-link = Bekijk de goedgekeurde ondernemingen
import-errors-title =
    { $count ->
        [one] Eén fout: er is niets geïmporteerd
       *[other] { $count } fouten: er is niets geïmporteerd
    }
import-errors-intro = Verbeter deze regels in het bestand en importeer het opnieuw. De kopregel is regel 1.
import-errors-more =
    { $count ->
        [one] En nog één fout, niet getoond.
       *[other] En nog { $count } fouten, niet getoond.
    }
import-error-line = Regel
import-error-column = Kolom
import-error-message = Fout
import-problem-nothing = Kies een CSV-bestand of plak de CSV-tekst.
import-problem-both = Kies een CSV-bestand of plak de CSV-tekst, niet allebei.
import-problem-too-large = Het bestand is te groot: een import mag hoogstens { $max_mb } MB zijn. Splits het in kleinere bestanden.

## De bestandsindeling

import-format-title = De bestandsindeling
import-format-intro = De eerste regel is de kopregel met de kolomnamen, in willekeurige volgorde. De kolommen kvk_number, name, municipality en sectors zijn verplicht; de andere mogen ontbreken. Andere kolommen zijn niet toegestaan.
import-format-column = Kolom
import-format-content = Inhoud
import-column-kvk-number = KvK-nummer: precies 8 cijfers, voorloopnullen meegerekend. Elke onderneming één keer; niet een die al geregistreerd is.
import-column-name = Naam van de onderneming (hoogstens 200 tekens).
import-column-municipality = Gemeente van het bezoekadres.
import-column-sectors = Eén of meer sectorcodes gescheiden door |; de eerste is de hoofdsector.
import-column-target-groups = Doelgroepcodes gescheiden door | (mag leeg zijn).
import-column-website = Website die begint met http:// of https:// (mag leeg zijn).
import-column-email = E-mailadres (mag leeg zijn).
import-column-description = Korte beschrijving in platte tekst, hoogstens 2.000 tekens (mag leeg zijn).
import-column-market-income-pct = Aandeel van de inkomsten verdiend op de markt: een geheel getal van 0 tot en met 100 (mag leeg zijn).
import-column-legal-form = Rechtsvorm, zoals Stichting of B.V. (mag leeg zijn).
import-column-founded-year = Jaar van oprichting, een jaartal zoals 2016 (mag leeg zijn).
import-column-phone = Telefoonnummer (mag leeg zijn).
import-column-street = Straat en huisnummer van het bezoekadres (mag leeg zijn).
import-column-postcode = Postcode van het bezoekadres (mag leeg zijn).
import-column-district = Stadsdeel of dorp binnen de gemeente (mag leeg zijn).
import-column-pso-level = Trede op de PSO-Prestatieladder Socialer Ondernemen: aspirant, basistrede, trede_1, trede_2, trede_3 of pso_30plus (mag leeg zijn; dan ook pso_valid_until leeg).
import-column-pso-valid-until = Datum waarop het PSO-certificaat verloopt, als JJJJ-MM-DD (verplicht bij een PSO-trede).
import-column-cso-status = Inschrijving in het register van de Code Sociale Ondernemingen (een code uit de lijst; mag leeg zijn).
import-column-sena-member = Lid van Social Enterprise NL: ja of nee (leeg is nee).
import-column-certifications = Andere certificaten gescheiden door |, elk met = en de datum waarop het verloopt als het die heeft, bijvoorbeeld VCA=2027-06-30|HACCP (mag leeg zijn). Elk geïmporteerd certificaat, lidmaatschap en elke PSO-trede is geclaimd: het telt mee zodra de beheerder het onder Certificaten heeft geverifieerd.
import-format-example = Voorbeeld:
import-format-sectors = Sectorcodes
import-format-target-groups = Doelgroepcodes

## Fouten in een bestand, elk getoond met de regel en de kolom

error-import-empty = Het bestand is leeg: het heeft een kopregel met de kolomnamen nodig.
error-import-no-rows = Het bestand heeft een kopregel maar geen ondernemingen.
error-import-unknown-column = Deze kolom is onbekend. Toegestane kolommen: kvk_number, name, municipality, sectors, target_groups, website, email, description, market_income_pct, legal_form, founded_year, phone, street, postcode, district, pso_level, pso_valid_until, cso_status, sena_member, certifications.
error-import-missing-column = Deze verplichte kolom ontbreekt in de kopregel.
error-import-duplicate-column = Deze kolom staat twee keer in de kopregel.
error-import-unnamed-column = Deze kolom heeft geen naam in de kopregel.
error-import-too-few-fields = Deze regel heeft minder velden dan de kopregel kolommen heeft.
error-import-too-many-fields = Deze regel heeft meer velden dan de kopregel kolommen heeft.
error-forbidden-character = Deze tekst bevat een stuurteken (zoals NUL of ESC) of een richtingsoverschrijving, en dat mag in geen enkel veld. Haal het weg en probeer het opnieuw.
error-import-stopped = Het lezen is hier gestopt, na 100 fouten: deze regel en de regels erna zijn niet gecontroleerd. Verbeter de fouten hierboven en importeer het bestand opnieuw.
error-import-not-utf8 = Deze tekst is geen geldige UTF-8. Sla het bestand op als "CSV UTF-8" en probeer het opnieuw.
error-import-unreadable = Deze regel is niet te lezen als CSV.
error-import-kvk-twice = Dit KvK-nummer staat meer dan één keer in het bestand.
error-import-kvk-exists = Er is al een onderneming met dit KvK-nummer geregistreerd.
error-import-date = Dit is geen datum in de vorm JJJJ-MM-DD, zoals 2027-06-30.
error-import-yes-no = Vul ja of nee in (of yes/no, true/false, 1/0).
error-import-offerings-unknown-column = Deze kolom is onbekend. Toegestane kolommen: kvk_number, title, kind, cpv_code, description, service_area, price_indication, lead_time, active.
error-import-offerings-no-rows = Het bestand heeft een kopregel maar geen aanbod.
error-import-cpv-no-rows = Het bestand heeft een kopregel maar geen codes.
error-import-unknown-wise = Er is geen onderneming met dit KvK-nummer geregistreerd; importeer eerst de onderneming.
error-import-offering-title-taken = Deze onderneming heeft al een aanbod met deze titel (op het platform of eerder in het bestand).
error-import-service-area = Vul national in, een straal zoals 25 km, of gemeenten gescheiden door |.

## Outputcijfers importeren: de uploadpagina van de beheerder

figures-import-title = Cijfers importeren
figures-import-back = Terug naar de rapportageperiodes
figures-import-link = Cijfers importeren uit een CSV-bestand
figures-import-intro = Sla de outputcijfers van veel ondernemingen en periodes tegelijk op vanuit een CSV-bestand. Elke regel wordt opgeslagen als de ingediende cijfers van één onderneming over één periode. Heeft een onderneming over die periode al cijfers, dan voegt een regel met andere waarden een nieuwe versie toe en verandert een regel met dezelfde waarden niets. De import is alles of niets: heeft één regel een fout, dan wordt er niets geïmporteerd en staat elke fout vermeld met de regel en de kolom.
figures-import-done = Cijfers geïmporteerd: { $created } nieuw, { $revised } gecorrigeerd (nieuwe versie), { $unchanged } ongewijzigd.
figures-import-warnings-title = Controleer deze waarden
figures-import-warnings-intro = Deze waarden zijn mogelijk, maar onwaarschijnlijk. Ze zijn geïmporteerd; verbeter ze als ze niet kloppen.
figures-import-warning-organisation = KvK-nummer
figures-import-warning-period = Periode
figures-import-warning-message = Waarschuwing
figures-import-format-intro = De eerste regel is de kopregel met de kolomnamen, in willekeurige volgorde. De kolommen kvk_number, period en de tien aantallen zijn verplicht; fte_target_group, turnover_eur en de tg_-kolommen mogen ontbreken. Andere kolommen zijn niet toegestaan. Elk aantal is een heel getal van 0 of meer.
figures-import-column-kvk-number = KvK-nummer van een geregistreerde onderneming: precies 8 cijfers, voorloopnullen meegerekend.
figures-import-column-period = Rapportageperiode: een kwartaal zoals 2025-Q1 of een jaar zoals 2025. De periode moet bestaan. Elke onderneming hoogstens één keer per periode.
figures-import-column-paid-target-group = Mensen met een afstand tot de arbeidsmarkt in betaalde dienst aan het einde van de periode (ook met loonkostensubsidie).
figures-import-column-paid-regular = Ander betaald personeel aan het einde van de periode (begeleiders, leiding, …).
figures-import-column-trainees = Mensen in een leer-, werkervarings- of re-integratietraject aan het einde van de periode.
figures-import-column-daytime-activities = Deelnemers aan (gesubsidieerde) dagbesteding aan het einde van de periode.
figures-import-column-volunteers = Vrijwilligers aan het einde van de periode.
figures-import-column-new-participants = Mensen die in de periode bij de onderneming zijn begonnen.
figures-import-column-moved-to-paid-internal = In de periode doorgestroomd van onbetaald werk (traject, dagbesteding, vrijwilligerswerk) naar een betaalde baan bij dezelfde onderneming.
figures-import-column-moved-to-paid-external = In de periode doorgestroomd naar een betaalde baan bij een andere werkgever.
figures-import-column-moved-to-education = In de periode doorgestroomd naar een opleiding.
figures-import-column-other-exits = In de periode om een andere reden vertrokken.
figures-import-column-fte-target-group = Aantal fte van de mensen uit de doelgroep in betaalde dienst, met hoogstens twee decimalen (mag leeg zijn).
figures-import-column-turnover-eur = Omzet in de periode in hele euro's (mag leeg zijn).
figures-import-column-tg = tg_ gevolgd door een doelgroepcode (bijvoorbeeld tg_mental_health): het aantal mensen uit die doelgroep. Samen hoogstens paid_target_group + trainees + daytime_activities (mag ontbreken of leeg zijn).

## Fouten in een cijferbestand (of API-verzoek), elk getoond met de regel (of rij) en de kolom

error-import-figures-unknown-column = Deze kolom is onbekend. Toegestane kolommen: kvk_number, period, paid_target_group, paid_regular, trainees, daytime_activities, volunteers, new_participants, moved_to_paid_internal, moved_to_paid_external, moved_to_education, other_exits, fte_target_group, turnover_eur, en tg_ gevolgd door een doelgroepcode.
error-import-figures-no-rows = Het bestand heeft een kopregel maar geen cijfers.
error-import-figures-twice = Deze onderneming heeft eerder in het bestand al cijfers voor deze periode.
error-import-period-unknown = Deze rapportageperiode bestaat niet. De beheerder maakt periodes aan op de pagina met rapportageperiodes.
error-import-period-closed = Deze periode neemt nu geen cijfers aan: ze is nog niet geopend, of al gesloten.
error-import-json-value = Geef deze waarde als getal of als tekst.
error-import-json-not-object = Deze rij is geen object met de kolomnamen als sleutels.
