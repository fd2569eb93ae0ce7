# Aanmelden van sociale ondernemingen en de wachtrij van de beheerder (Nederlands).
# Houd de sleutels in dezelfde volgorde als en/registry.ftl.

## Links elders

registry-link = Meld uw sociale onderneming aan
registry-nav-organisations = Ondernemingen

## Aanmeldformulier

registry-title = Meld uw sociale onderneming aan
registry-intro = Meld uw sociale onderneming aan voor de catalogus. Nadat u uw e-mailadres hebt bevestigd, beoordeelt de beheerder uw aanmelding. Uw onderneming wordt zichtbaar zodra die is goedgekeurd.
registry-errors = Niet alles is goed ingevuld. Controleer de velden die hieronder zijn gemarkeerd.
registry-organisation = Uw onderneming
registry-field-kvk = KvK-nummer
registry-field-kvk-hint = De 8 cijfers van uw inschrijving bij de Kamer van Koophandel (KvK).
registry-field-name = Naam van de onderneming
registry-field-legal-form = Rechtsvorm (niet verplicht)
registry-field-legal-form-hint = Bijvoorbeeld: stichting, bv of coöperatie.
registry-field-founded-year = Oprichtingsjaar (niet verplicht)
registry-field-description = Korte beschrijving
registry-field-description-hint = Wat uw onderneming doet en wie er werken, in gewone tekst van hoogstens 2.000 tekens.
registry-field-market-income = Deel van de inkomsten uit de markt, in % (niet verplicht)
registry-field-market-income-hint = Inkomsten uit de verkoop van goederen en diensten, als percentage van uw totale inkomsten (0 tot en met 100).
registry-contact = Adres en contactgegevens
registry-field-street = Straat en huisnummer (niet verplicht)
registry-field-postcode = Postcode (niet verplicht)
registry-field-municipality = Gemeente
registry-field-district = Stadsdeel of wijk (niet verplicht)
registry-field-website = Website (niet verplicht)
registry-field-email = Algemeen e-mailadres (niet verplicht)
registry-field-email-hint = Het adres waarop inkopers u kunnen bereiken. Het staat op uw profiel.
registry-field-phone = Telefoonnummer (niet verplicht)
registry-classification = Sectoren en doelgroepen
registry-field-primary-sector = Hoofdsector
registry-field-primary-sector-hint = De sector waarin uw onderneming vooral werkt. Rapportages tellen uw onderneming onder deze sector.
registry-choose = Kies een sector
registry-field-other-sectors = Andere sectoren (niet verplicht)
registry-field-target-groups = Doelgroepen die bij uw onderneming werken (niet verplicht)
registry-account = Uw account
registry-account-intro = Met dit account logt u in om het profiel en de cijfers van uw onderneming bij te houden.
registry-field-user-name = Uw naam
registry-field-user-email = Uw e-mailadres
registry-field-user-email-hint = We sturen een link naar dit adres om het te bevestigen.
registry-field-password-confirm = Herhaal het wachtwoord
registry-submit = Aanmelding versturen
registry-have-account = Hebt u al een account?

## Na het aanmelden

registry-sent-title = Kijk in uw e-mail
registry-sent-text = Als { $email } bij een aanmelding hoort die nog bevestigd moet worden, is er nu een e-mail met een bevestigingslink onderweg.
registry-sent-registered = We hebben een e-mail gestuurd naar { $email } met een link om uw e-mailadres te bevestigen.
registry-sent-next = Nadat u uw e-mailadres hebt bevestigd, beoordeelt de beheerder uw aanmelding. U krijgt een e-mail zodra uw onderneming is goedgekeurd, of als er iets moet veranderen.
registry-resend-title = Geen e-mail ontvangen?
registry-resend-intro = Kijk eerst in uw map met ongewenste e-mail. Of vraag een nieuwe link aan; eerdere links werken dan niet meer.
registry-resend-new = Nieuwe link aanvragen
registry-resend-new-intro = Vul het e-mailadres in waarmee u zich hebt aangemeld. Als uw aanmelding nog bevestigd moet worden, sturen we u een nieuwe link.
registry-resend-submit = Stuur een nieuwe link

## E-mailadres bevestigen

registry-confirm-title = Bevestig uw e-mailadres
registry-confirm-text = Bevestig dat { $email } uw e-mailadres is, om de aanmelding van { $organisation } af te ronden.
registry-confirm-submit = Mijn e-mailadres bevestigen
registry-confirmed-title = Bedankt, uw e-mailadres is bevestigd
registry-confirmed-text = De beheerder beoordeelt nu de aanmelding van { $organisation }. U krijgt een e-mail zodra die is goedgekeurd, of als er iets moet veranderen.
registry-confirmed-sign-in = U kunt nu al inloggen met uw e-mailadres en wachtwoord.
registry-link-invalid-title = Deze link werkt niet meer
registry-link-invalid-text = De link is al gebruikt, verlopen of onjuist. Vraag hieronder een nieuwe link aan, of log in als u uw e-mailadres al hebt bevestigd.

## De wachtrij van de beheerder

registry-queue-title = Ondernemingen
registry-queue-intro = Aanmeldingen en de status van elke sociale onderneming. De oudste aanmeldingen die wachten staan bovenaan.
registry-filter-label = Filter op status
registry-filter-all = Alle
registry-queue-count =
    { $count ->
        [0] Geen ondernemingen
        [one] Eén onderneming
       *[other] { $count } ondernemingen
    }
registry-queue-empty = Er zijn geen ondernemingen met deze status.
registry-col-name = Onderneming
registry-col-status = Status
registry-col-created = Aangemeld of toegevoegd op
registry-col-email = E-mailadres bevestigd
registry-confirmed-yes = Bevestigd
registry-confirmed-no = Nog niet bevestigd
registry-confirmed-on = Bevestigd op { $date }
registry-confirmed-na = Niet via het formulier aangemeld
registry-notice-approved = De onderneming is goedgekeurd. De gebruikers krijgen een e-mail.
registry-notice-changes-requested = Het verzoek om wijzigingen is naar de onderneming gestuurd.
registry-notice-suspended = De onderneming is geschorst. De gebruikers krijgen een e-mail.
registry-notice-reinstated = De schorsing is opgeheven. De gebruikers krijgen een e-mail.

## Eén onderneming beoordelen

registry-review-reason = Bericht aan de onderneming
registry-review-public = Bekijk het openbare profiel
registry-review-application = Aanmelding
registry-review-applied = Aangemeld op
registry-review-applicant = Aanvrager
registry-review-unconfirmed = De aanvrager heeft het e-mailadres nog niet bevestigd. U kunt de onderneming goedkeuren zodra dat is gebeurd.
registry-review-not-registered = Deze onderneming is niet via het formulier aangemeld, maar toegevoegd door een beheerder, een import of de demogegevens.
registry-review-details = Gegevens
registry-review-users = Gebruikers
registry-review-decide = Besluit
registry-approve = Goedkeuren
registry-approve-text = De onderneming wordt zichtbaar in de catalogus en de gebruikers krijgen een e-mail.
registry-field-message = Wat moet er veranderen
registry-request-changes-hint = De onderneming krijgt dit bericht per e-mail en blijft in afwachting van beoordeling.
registry-request-changes = Om wijzigingen vragen
registry-field-reason = Reden van de schorsing
registry-suspend-hint = De onderneming krijgt de reden per e-mail. Een geschorste onderneming is niet zichtbaar in de catalogus.
registry-suspend = Schorsen
registry-reinstate-text = De onderneming wordt weer zichtbaar in de catalogus en de gebruikers krijgen een e-mail.
registry-reinstate = Schorsing opheffen

## Foutmeldingen

error-registry-kvk-taken = Er is al een onderneming met dit KvK-nummer aangemeld. Neem contact op met de beheerder als dit uw onderneming is.
error-registry-unconfirmed = Deze onderneming kan nog niet worden goedgekeurd: de aanvrager heeft het e-mailadres nog niet bevestigd.
error-registry-status = Dit kan niet bij een onderneming met deze status. Misschien is de status intussen veranderd.

## E-mails

mail-registry-confirm-subject = Bevestig uw e-mailadres voor wise-monitor
mail-registry-confirm-body = Bedankt voor het aanmelden van { $organisation } bij wise-monitor. Bevestig uw e-mailadres met de link hieronder. De link werkt één keer en is { $days } dagen geldig.
mail-registry-confirm-button = E-mailadres bevestigen
mail-registry-confirm-next = Daarna beoordeelt de beheerder uw aanmelding. Hebt u zich niet aangemeld? Dan kunt u deze e-mail negeren.
mail-registry-received-subject = Nieuwe aanmelding: { $organisation }
mail-registry-received-body = { $organisation } (KvK { $kvk }) heeft zich aangemeld en het e-mailadres bevestigd. De aanmelding wacht op uw beoordeling.
mail-registry-received-button = Aanmelding beoordelen
mail-registry-approved-subject = { $organisation } staat nu op wise-monitor
mail-registry-approved-body = Goed nieuws: de beheerder heeft { $organisation } goedgekeurd. Uw onderneming is nu zichtbaar in de catalogus.
mail-registry-approved-button = Bekijk uw profiel
mail-registry-changes-subject = Uw aanmelding van { $organisation }: wijzigingen nodig
mail-registry-changes-body = De beheerder heeft de aanmelding van { $organisation } bekeken en vraagt u het volgende aan te passen:
mail-registry-changes-action = Log in om uw gegevens bij te werken. Tot dan blijft uw aanmelding in afwachting van beoordeling.
mail-registry-changes-button = Inloggen
mail-registry-suspended-subject = { $organisation } is geschorst op wise-monitor
mail-registry-suspended-body = De beheerder heeft { $organisation } geschorst. Uw onderneming is niet meer zichtbaar in de catalogus. De reden:
mail-registry-suspended-contact = Hebt u vragen, of is de situatie veranderd? Beantwoord deze e-mail om contact op te nemen met de beheerder.
mail-registry-reinstated-subject = { $organisation } is weer zichtbaar op wise-monitor
mail-registry-reinstated-body = De beheerder heeft de schorsing van { $organisation } opgeheven. Uw onderneming is weer zichtbaar in de catalogus.
