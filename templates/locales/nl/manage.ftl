# "Mijn onderneming": het profiel en het aanbod van een sociale onderneming bewerken (Nederlands).
# Houd de sleutels in dezelfde volgorde als en/manage.ftl.

## Menu en overzicht

nav-manage = Mijn onderneming
manage-title = Mijn sociale ondernemingen
manage-intro = Kies de onderneming waarvan u het profiel of de producten en diensten wilt bewerken.
manage-none = Uw account is nog niet aan een sociale onderneming gekoppeld. Vraag de beheerder om dat te doen.
manage-edit-profile = Profiel bewerken
manage-view-public = Openbare pagina bekijken
manage-pick-heading = Een onderneming openen
manage-pick-intro = Als beheerder kunt u elke onderneming bewerken. Vul het KvK-nummer in (8 cijfers).
manage-pick-submit = Openen
manage-sections = Onderdelen van deze onderneming
manage-section-profile = Profiel
manage-section-figures = Cijfers
manage-section-offerings = Producten en diensten

## Formulieren algemeen

manage-errors-heading = Niet alles is goed ingevuld
manage-choose = Kies…
manage-cancel = Annuleren
manage-date-hint = Bijvoorbeeld 2027-03-31.
manage-notice-saved = Uw wijzigingen zijn opgeslagen.
manage-notice-created = Het product of de dienst is toegevoegd.
manage-notice-activated = Het product of de dienst staat weer in de catalogus.
manage-notice-deactivated = Het product of de dienst is uit de catalogus gehaald.
manage-notice-deleted = Het product of de dienst is verwijderd.
manage-error-unknown-kvk = Er is geen onderneming met dit KvK-nummer.
manage-error-date = Vul een datum in als jaar-maand-dag, bijvoorbeeld 2027-03-31.
manage-error-primary-sector = Kies een hoofdsector.
manage-error-cpv-required = Kies een CPV-code: zoek ernaar en kies een van de gevonden codes.

## Profiel

manage-profile-title = Profiel van { $name }
manage-basics = De onderneming
manage-contact = Contactgegevens
manage-address = Bezoekadres
manage-certificates = Keurmerken en certificaten
manage-kvk-fixed = Het KvK-nummer kunt u hier niet wijzigen. Neem contact op met de beheerder als het niet klopt.
manage-field-kvk-number = KvK-nummer
manage-field-name = Naam
manage-field-legal-form = Rechtsvorm
manage-legal-form-hint = Bijvoorbeeld bv, stichting of coöperatie.
manage-field-founded-year = Jaar van oprichting
manage-field-market-income-pct = Deel van de inkomsten uit de markt (%)
manage-market-income-hint = Een heel getal van 0 tot en met 100.
manage-field-description = Beschrijving
manage-description-hint = Platte tekst, hoogstens { $max } tekens.
manage-field-website = Website
manage-website-hint = Het volledige adres, beginnend met https://
manage-field-email = E-mailadres
manage-field-phone = Telefoonnummer
manage-field-street = Straat en huisnummer
manage-field-postcode = Postcode
manage-field-municipality = Gemeente
manage-field-district = Stadsdeel of wijk (niet verplicht)
manage-field-sectors = Sectoren
manage-field-primary-sector = Hoofdsector
manage-primary-sector-hint = In de sectorrapportages telt de onderneming mee onder deze sector.
manage-other-sectors = Andere sectoren
manage-field-target-groups = Doelgroepen in dienst
manage-target-groups-hint = De groepen mensen met een afstand tot de arbeidsmarkt die bij de onderneming werken.
manage-field-pso-level = PSO-niveau
manage-pso-none = Geen PSO-certificaat
manage-field-pso-valid-until = PSO-certificaat geldig tot en met
manage-field-cso-status = Code Sociale Ondernemingen
manage-cso-none = Niet ingeschreven
manage-field-sena-member = Lid van Social Enterprise NL
manage-field-certifications = Andere keurmerken en certificaten
manage-certifications-hint = Een naam en, als die er is, de datum tot wanneer het geldig is. Maak een regel leeg om het te verwijderen.
manage-cert-name-col = Naam
manage-cert-valid-until-col = Geldig tot en met
manage-cert-name = Naam van certificaat { $number }
manage-cert-valid-until = Certificaat { $number } geldig tot en met
manage-save-profile = Profiel opslaan

## Producten en diensten

manage-offerings-title = Producten en diensten van { $name }
manage-offerings-intro = Zichtbare producten en diensten staan op uw openbare profiel, waar inkopers ze vinden. Verborgen exemplaren blijven bewaard maar worden niet getoond.
manage-offerings-none = U hebt nog geen producten of diensten toegevoegd.
manage-offering-new = Product of dienst toevoegen
manage-offering-status = Status
manage-offering-active = Zichtbaar
manage-offering-inactive = Verborgen
manage-offering-updated = Laatst gewijzigd
manage-offering-actions = Acties
manage-offering-edit = Bewerken
manage-offering-deactivate = Uit de catalogus halen
manage-offering-activate = In de catalogus tonen
manage-offering-delete = Verwijderen…
manage-offering-new-title = Nieuw product of nieuwe dienst
manage-offering-edit-title = “{ $title }” bewerken
manage-offering-hidden-note = Dit product of deze dienst staat niet in de catalogus. U kunt het weer tonen vanuit de lijst met producten en diensten.
manage-offering-details = Wat u aanbiedt
manage-offering-terms = Prijs en levering
manage-field-title = Titel
manage-field-kind = Soort
manage-field-cpv-code = CPV-code
manage-cpv-intro = De CPV-code (de Europese aanbestedingswoordenlijst) vertelt inkopers wat u levert. Zoek een code en kies de code die het best past.
manage-field-cpv-query = CPV-code zoeken
manage-cpv-query-hint = Het begin van een code (bijv. 4521) of woorden in het Nederlands of Engels (bijv. schoonmaak, catering, groenonderhoud).
manage-cpv-find = Codes zoeken
manage-cpv-current = gekozen
manage-cpv-found = Kies een van de gevonden codes.
manage-cpv-more = Alleen de eerste { $limit } gevonden codes worden getoond; maak uw zoekopdracht specifieker.
manage-cpv-none-found = Geen codes gevonden. Probeer minder of andere woorden, of een kortere code.
manage-field-service-area = Werkgebied
manage-field-municipalities = Gemeenten
manage-municipalities-hint = Alleen bij „Bepaalde gemeenten”: één per regel, of gescheiden door komma's.
manage-field-service-radius-km = Straal in km
manage-radius-hint = Alleen bij „Straal rond het adres”: een heel aantal kilometers (1 tot en met 1000).
manage-field-price-indication = Prijsindicatie
manage-field-lead-time = Capaciteit en levertijd
manage-save-offering = Opslaan
manage-add-offering = Toevoegen
manage-delete-title = “{ $title }” verwijderen?
manage-delete-text = Het product of de dienst wordt definitief verwijderd en kan niet worden hersteld.
manage-delete-confirm = Definitief verwijderen
manage-delete-hide-instead = Wilt u het alleen tijdelijk uit de catalogus halen?
manage-kind-from-cpv = Volgens de CPV-code
manage-kind-hint = Laat u dit staan, dan volgt het uit de CPV-code: 45 is werken, 03–44 en 48 zijn producten, de rest diensten.
