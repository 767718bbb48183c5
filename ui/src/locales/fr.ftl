# Toucan Keys : les textes de la fenêtre en français. Mêmes messages que
# en.ftl (un test le vérifie) ; les valeurs arrivent en { $nom }.

## Commun

cancel = Annuler
close = Fermer
dismiss = Fermer le message
save = Enregistrer
notice-error-lead = Échec :
notice-warning-lead = À noter :
copied-clears = Copié. { $clears }
error-unexpected = Un problème inattendu est survenu ({ $detail }). Réessayez.

## Dates et durées

time-just-now = à l’instant
time-future-year =
    { $count ->
        [1] l’année prochaine
       *[other] dans { $count } ans
    }
time-past-year =
    { $count ->
        [1] l’année dernière
       *[other] il y a { $count } ans
    }
time-future-month =
    { $count ->
        [1] le mois prochain
       *[other] dans { $count } mois
    }
time-past-month =
    { $count ->
        [1] le mois dernier
       *[other] il y a { $count } mois
    }
time-future-week =
    { $count ->
        [1] la semaine prochaine
       *[other] dans { $count } semaines
    }
time-past-week =
    { $count ->
        [1] la semaine dernière
       *[other] il y a { $count } semaines
    }
time-future-day =
    { $count ->
        [1] demain
        [2] après-demain
       *[other] dans { $count } jours
    }
time-past-day =
    { $count ->
        [1] hier
        [2] avant-hier
       *[other] il y a { $count } jours
    }
time-future-hour =
    { $count ->
        [1] dans 1 heure
       *[other] dans { $count } heures
    }
time-past-hour =
    { $count ->
        [1] il y a 1 heure
       *[other] il y a { $count } heures
    }
time-future-minute =
    { $count ->
        [1] dans 1 minute
       *[other] dans { $count } minutes
    }
time-past-minute =
    { $count ->
        [1] il y a 1 minute
       *[other] il y a { $count } minutes
    }
time-exact = { $day }, { $time } ({ $zone })
clears-never = Reste jusqu’à ce que vous copiiez autre chose
clears-in-seconds = Effacé dans { $seconds } s
clears-in-minutes = Effacé dans { $minutes } min
duration-seconds = { $count ->
    [one] { $count } seconde
   *[other] { $count } secondes
}
duration-minutes = { $count ->
    [one] { $count } minute
   *[other] { $count } minutes
}
duration-hours = { $count ->
    [one] { $count } heure
   *[other] { $count } heures
}

## Statuts des clés

status-active = Active
status-expiresSoon = Expire bientôt
status-retiring = En retrait
status-expired = Expirée
status-revoked = Révoquée
status-missing = Absente du trousseau

## Le tableau des clés

never = Jamais
never-expires = N’expire pas
never-copied = Pas encore copiée
never-used = Pas encore utilisée
not-registered-yet = Pas encore enregistrée
keys-table = Clés d’API
keys-empty-title = Aucune clé d’API pour l’instant
keys-empty-text = Une clé permet à votre produit d’afficher les tableaux de bord Toucan à vos propres clients : votre serveur s’en sert pour demander à Toucan un laissez-passer pour chaque personne qui ouvre un tableau de bord, en disant ce qu’elle peut voir. Créez votre première clé, puis confiez-la à la personne qui gère votre serveur.
details-tooltip = Détails et activité
column-name = Nom
column-expires = Expire
column-last-used = Dernière utilisation
column-last-copied = Dernière copie
column-status = Statut
column-actions = Actions
action-copy = Copier
action-copy-named = Copier { $name }
action-delete = Supprimer
action-delete-named = Supprimer { $name }
action-roll = Renouveler
action-roll-named = Renouveler { $name }
action-generate = Générer un jeton
action-generate-named = Générer un jeton { $name }
action-rename = Renommer
action-rename-named = Renommer { $name }
action-details = Détails
action-details-named = Détails { $name }
action-revoke = Révoquer
action-revoke-named = Révoquer { $name }
action-more = Plus
action-more-named = Plus d’actions pour { $name }
actions-menu-named = Actions pour { $name }

## Les détails d’une clé

copy-fingerprint = Copier l’empreinte
copied-fingerprint = Empreinte copiée.
details-key = Clé
details-fingerprint = Empreinte
details-created = Créée
details-created-unknown = Inconnue (trouvée dans votre trousseau et restaurée { $restored })
details-not-registered = Pas encore enregistrée sur le serveur
details-replaces = Remplace
details-replaced-by = Remplacée par
activity-title = Activité
activity-list = Activité, la plus récente d’abord
activity-none = Rien d’enregistré pour l’instant.
details-origins = Adresses web
details-origins-any = Toutes
details-origins-unknown = Inconnues ici : elles étaient dans la liste de clés perdue. Votre serveur d’espace de travail applique toujours celles qu’il avait.
details-origins-change = Modifier
details-origins-title = Où « { $name } » peut-elle servir ?
details-origins-saved = Enregistré : le serveur refuse les jetons de cette clé pour les autres adresses web.
create-origins = Adresses web où ses jetons peuvent servir (facultatif)
create-origins-help = Les pages d’autres adresses web n’obtiennent aucun jeton de cette clé, même si elle fuite. Écrivez chacune sous la forme https://boutique.exemple.fr, séparées par des virgules ; laissez vide pour toutes les autoriser.
token-origin = L’adresse web de la page
use-in-code = Utiliser cette clé dans du code

## Créer une clé d’API, et l’affichage unique

create-title = Créer une clé d’API
create-name-placeholder = Par exemple : Backend de production
create-expiry-date = Date d’expiration
expiry-days30 = 30 jours
expiry-days60 = 60 jours
expiry-days90 = 90 jours
expiry-onDate = À une date
expiry-never = Jamais
expiry-until = Jusqu’au { $date }
create-never-warning = Une clé qui n’expire jamais reste utilisable jusqu’à ce que vous la révoquiez. Préférez une date d’expiration quand c’est possible.
create-submit = Créer la clé
create-pick-a-day = Choisissez le jour où la clé doit cesser de fonctionner.
create-busy = Création…
reveal-title = Enregistrez votre clé d’API
reveal-intro = Toucan Keys n’affichera plus cette clé en entier. Copiez-la maintenant là où elle servira, par exemple dans les variables d’environnement de votre serveur (.env) ou un gestionnaire de mots de passe. Cet ordinateur pourra encore la copier depuis son trousseau, avec Copier sur sa ligne ; aucun autre ordinateur ne le pourra.
reveal-label = Clé d’API « { $name } »
reveal-copied = Copiée
reveal-done = Terminé
reveal-saved-title = L’avez-vous enregistrée ?
reveal-saved-message = Vous ne pourrez plus voir cette clé. Si vous ne l’avez pas encore enregistrée, revenez en arrière et copiez-la.
reveal-saved-yes = Oui, fermer
reveal-saved-back = Revenir
security-alert-lead = Alerte de sécurité :
security-alert = N’exposez jamais cette clé dans du code côté client, des dépôts publics ou des scripts frontend : elle donne un accès administrateur à la génération de jetons de session.

## Renouveler

roll-title = Renouveler « { $name } »
roll-intro = Toucan Keys crée une nouvelle clé avec le même nom et la même durée de validité, et l’affiche une seule fois. Mettez-la dans votre backend ; pendant ce temps l’ancienne clé continue de fonctionner, puis elle est révoquée, sur cet ordinateur et sur le serveur de l’espace de travail.
roll-overlap-legend = Garder l’ancienne clé active pendant
roll-overlap-hours24 = 24 heures (recommandé)
roll-overlap-hour1 = 1 heure
roll-overlap-days7 = 7 jours
roll-overlap-now = L’arrêter tout de suite (la clé a fuité)
roll-now-warning = Les applications qui utilisent encore l’ancienne clé cessent de fonctionner dès le renouvellement.
roll-submit = Renouveler la clé
roll-busy = Renouvellement…
roll-finish = Terminer le renouvellement

## Utiliser cette clé dans du code

snippets-intro = Chaque exemple demande un jeton de session au serveur de votre espace de travail. La clé est lue dans la variable d’environnement TOUCAN_API_KEY ; elle n’est jamais écrite dans le code.
snippets-languages = Langage
snippet-copy-named = Copier l’exemple { $language }
snippet-copied = Exemple { $language } copié.
hand-off-title = Comment transmettre cette clé à votre développeur en toute sécurité
hand-off-1 = Copiez la clé et collez-la directement dans le coffre à secrets de votre backend ou dans son environnement, sous le nom TOUCAN_API_KEY.
hand-off-2 = Ne la mettez jamais dans du code frontend, une application mobile, un dépôt ou un message de discussion : quiconque la lit peut générer des jetons de session.
hand-off-3 = Si elle a pu fuiter, renouvelez-la avec « L’arrêter tout de suite ».

## Quelle est cette clé ?

identify-title = Quelle est cette clé ?
identify-intro = Collez une clé pour savoir de laquelle il s’agit. Elle est vérifiée sur cet ordinateur et envoyée nulle part.
identify-check = Vérifier
identify-ask-server = Demander au serveur de l’espace de travail
identify-empty = Collez d’abord une clé.
identify-busy = Vérification…
identify-asking = Demande en cours…

## La section Clés d’API

keys-title = Clés d’API
keys-intro = Votre backend envoie une clé d’API pour demander des jetons de session signés pour les tableaux de bord intégrés. Une clé n’est affichée en entier qu’à sa création ; ensuite, cet ordinateur peut encore la copier depuis son trousseau.
try-again = Réessayer
expiry-soon = { $count ->
    [one] 1 clé expire bientôt
   *[other] { $count } clés expirent bientôt
}
expiry-expired = { $count ->
    [one] 1 clé a expiré
   *[other] { $count } clés ont expiré
}
expiry-both = { $soon } et { $expired }
expiry-advice = { $count ->
    [one] Renouvelez-la pour que vos backends continuent de fonctionner.
   *[other] Renouvelez-les pour que vos backends continuent de fonctionner.
}
expiry-banner = { $what }. { $advice }
expiry-show-them = Les afficher
expiry-show-all = Afficher toutes les clés
search-label = Chercher une clé
search-placeholder = Nom ou derniers caractères
order-label = Trier
order-newest = Plus récentes d’abord
order-oldest = Plus anciennes d’abord
order-name = Nom (A à Z)
order-expires = Expiration la plus proche
search-nothing = Aucune clé ne correspond à « { $query } »
search-help = Cherchez par le nom d’une clé, ou par ses derniers caractères tels que le tableau les affiche.
search-clear = Effacer la recherche
list-showing = { $shown } clés affichées sur { $total }.
list-show-more = Afficher { $count } de plus

## Les sections de réglages

saved = Enregistré.
clipboard-title = Presse-papiers
clipboard-intro = Une clé copiée est retirée du presse-papiers après ce délai, sauf si vous avez copié autre chose entre-temps.
clipboard-clear-label = Effacer les clés copiées
clear-after = Après { $duration }
page-title = Paramètres du compte
profile-title = Profil
profile-button = { $initials } : profil de { $name }
profile-button-no-name = Profil (pas encore de nom)
profile-no-name-yet = Pas encore de nom
edit-display-name = Modifier le nom affiché
check-for-updates = Rechercher des mises à jour
reminders-title = Rappels d’expiration
reminders-intro = Toucan Keys vous prévient par une notification 14 jours et 3 jours avant l’expiration d’une clé, puis quand elle a expiré, une fois chaque.
autostart-label = Lancer Toucan Keys à l’ouverture de session, pour me rappeler les clés qui expirent
autostart-on = Toucan Keys se lancera à l’ouverture de session.
autostart-off = Toucan Keys ne se lancera pas à l’ouverture de session.

## Actions sur une clé

rename-title = Renommer la clé
revoke-title = Révoquer « { $name } » ?
revoke-message = Les applications qui utilisent cette clé cessent de fonctionner immédiatement, et son secret est supprimé de votre trousseau. Cette action est irréversible.
revoke-message-connected = Les applications qui utilisent cette clé cessent de fonctionner immédiatement, et son secret est supprimé de votre trousseau. Les jetons de session qu’elle a déjà émis échouent aussitôt aux vérifications du serveur ; un backend qui ne vérifie que leur signature les accepte jusqu’à leur expiration (24 heures au plus). Cette action est irréversible.
revoke-confirm = Révoquer la clé
revoked-toast = « { $name } » a été révoquée.
delete-title = Supprimer « { $name } » ?
deleted = « { $name } » a été supprimée, avec son historique.
delete-message = Cette clé révoquée et son historique seront retirés de la liste de cet ordinateur. Cette action est irréversible.

## Clés trouvées dans le trousseau que la liste ne connaît pas

found-title = { $count ->
    [one] Trouvée dans votre trousseau : 1 clé que la liste de cet ordinateur ne connaît pas
   *[other] Trouvées dans votre trousseau : { $count } clés que la liste de cet ordinateur ne connaît pas
}
found-intro = Elles ont été créées avec Toucan Keys, mais la liste des clés a été déplacée, remplacée ou perdue. Restaurez une clé pour l’utiliser à nouveau ; ses dates de création et d’expiration sont inconnues. Rien n’est supprimé ici sans que vous le demandiez.
found-no-name = Clé sans nom
found-not-a-key = clé non valide
found-restore = Restaurer
found-restore-named = Restaurer { $name }
found-restored = « { $name } » est de retour dans votre liste.
found-delete-title = Supprimer « { $name } » de votre trousseau ?
found-delete-message = Son secret quitte définitivement le trousseau de cet ordinateur, et elle est révoquée sur le serveur où elle était enregistrée. Tout ce qui utilise encore cette clé cesse de fonctionner. C’est irréversible.
found-deleted = « { $name } » a été supprimée de votre trousseau.

## Espace de travail

workspace-title = Espace de travail
workspace-intro = Connectez-vous au serveur d’espace de travail qu’utilise votre backend, pour que vos clés y fonctionnent et que vous puissiez générer des jetons de session de test. Vos clés continuent de fonctionner sur cet ordinateur sans lui.
workspace-intro-connected = Les clés que vous créez sont enregistrées sur ce serveur, et celles que vous révoquez y sont révoquées aussi. Utilisez « Générer un jeton » sur une clé pour l’essayer.
checking = Vérification…
connect = Se connecter
connect-form = Se connecter à un serveur d’espace de travail
server-address = Adresse du serveur
account-token = Jeton de compte
account-token-help = Le serveur affiche son jeton de compte une seule fois, à son premier démarrage. Il est gardé dans votre trousseau, jamais sur le disque.
connect-busy = Connexion…
connected-toast = Connecté. Les nouvelles clés sont enregistrées sur le serveur.
quoted-name = « { $name } »
pending-line-current = { $count ->
    [one] Révoquée ici mais pas encore sur { $server } : { $names }. Elle y fonctionne encore jusqu’à ce que le serveur soit joignable.
   *[other] Révoquées ici mais pas encore sur { $server } : { $names }. Elles y fonctionnent encore jusqu’à ce que le serveur soit joignable.
}
pending-line-other = { $count ->
    [one] Révoquée ici mais pas encore sur { $server } : { $names }. Elle y fonctionne encore jusqu’à ce que vous vous reconnectiez à ce serveur.
   *[other] Révoquées ici mais pas encore sur { $server } : { $names }. Elles y fonctionnent encore jusqu’à ce que vous vous reconnectiez à ce serveur.
}
disconnect = Se déconnecter
disconnect-title = Se déconnecter de l’espace de travail ?
disconnect-message = Le jeton de compte est retiré de votre trousseau. Vos clés restent sur cet ordinateur et continuent de fonctionner sur le serveur ; pour générer à nouveau des jetons ici, reconnectez-vous.
disconnect-waiting = { $count ->
    [one] { $names } est révoquée sur cet ordinateur mais le serveur ne l’a pas encore confirmé : elle fonctionne donc encore sur { $server }. Toucan Keys terminera quand vous vous reconnecterez à ce serveur. Se déconnecter quand même ?
   *[other] { $names } sont révoquées sur cet ordinateur mais le serveur ne l’a pas encore confirmé : elles fonctionnent donc encore sur { $server }. Toucan Keys terminera quand vous vous reconnecterez à ce serveur. Se déconnecter quand même ?
}
workspace-unreachable = Injoignable :
workspace-connected = Connecté à
workspace-checking = Vérification de

## Mises à jour

update-title = Toucan Keys { $version } est disponible
update-text = Vous avez la version { $current }. La mise à jour est vérifiée avec la signature de Toucan AI avant d’être installée ; vos clés restent dans votre trousseau.
update-notes-lead = Nouveautés :
update-install = Installer et redémarrer
update-installing = Installation…
later = Plus tard

## Générer un jeton de session

token-title = Générer un jeton : { $name }
token-user = Pour qui ? (son identifiant dans votre produit)
token-user-placeholder = Par exemple : user-42
token-user-help = L’identifiant stable de l’utilisateur dans votre propre système. Le jeton est émis pour cet utilisateur.
token-role = Rôle
role-explorer = Explorer : consulte et explore les tableaux de bord
role-maker = Maker : crée aussi des graphiques et des tableaux de bord
role-admin = Admin : tout
token-attributes = Ce qu’il ou elle peut voir (facultatif : lignes filtrées par ces attributs)
attribute-name-label = Nom de l’attribut { $index }
attribute-value-label = Valeur de l’attribut { $index }
attribute-remove = Retirer
attribute-remove-label = Retirer l’attribut { $index }
attribute-add = Ajouter un attribut
attribute-declared = Cet espace de travail déclare : { $list }.
attribute-declared-one = { $name } ({ $type })
attribute-type-string = texte
attribute-type-integer = nombre entier
attribute-type-number = nombre
attribute-type-boolean = vrai ou faux (true / false)
attribute-type-date = date
token-permissions = Permissions
token-permissions-help = Cochées selon le rôle choisi. Modifiez-les si cet utilisateur a besoin de plus ou de moins.
token-resource = Ressource
resource-dashboard = Tableaux de bord
resource-chart = Graphiques
resource-database = Bases de données
resource-ai = Assistant IA
level-can_view = Voir
level-can_edit = Modifier
level-can_query = Interroger
permission-label = { $resource } : { $level }
token-lifetime = Durée du jeton
token-busy = Génération…
token-copy = Copier le jeton
token-session = Jeton de session
token-signed-expires = Jeton signé, expire le { $at }
token-encrypted-expires = Jeton chiffré, expire le { $at }
token-hand-over = Votre serveur remet ce jeton à la page qui affiche le tableau de bord, dans le composant web ci-dessous. Il cesse de fonctionner à son expiration ou quand la clé est révoquée.
token-claims = Contenu
token-decoded-claims = Contenu décodé
token-encrypted-help = Ce jeton est chiffré : seul l’hôte du tableau de bord, qui détient la clé de chiffrement des jetons du serveur, peut lire ce qu’il accorde.

## L’écran

app-name = Toucan Keys
welcome-title = Bienvenue dans Toucan Keys
welcome-intro = Toucan Keys crée les clés d’API dont votre backend a besoin pour afficher les tableaux de bord Toucan dans votre produit, et les garde dans le trousseau de cet ordinateur. Ensuite, vous créerez votre première clé. Comment devons-nous vous appeler ? Votre nom reste sur cet ordinateur ; ses initiales apparaissent sur le bouton de profil.
display-name = Nom affiché
continue = Continuer
update-latest = Vous avez la dernière version de Toucan Keys.
retired-toast = { $count ->
    [one] Le chevauchement est terminé : { $names } a été révoquée.
   *[other] Le chevauchement est terminé : { $names } ont été révoquées.
}
language-title = Langue
language-label = La langue de la fenêtre
language-system = La langue du système

## What a key may be used for (create, Change limits)
limits-question = À quoi servira cette clé ?
preset-suggested = Conseillé
preset-showDashboards = Montrer des tableaux de bord à vos clients
preset-showDashboards-help = Lecture seule, pour un seul client : chaque jeton porte ce client, une clé divulguée ne peut donc lire que ses lignes.
preset-aiAssistant = Laisser l’assistant IA répondre aux questions
preset-aiAssistant-help = Consulter les tableaux de bord et interroger l’assistant IA ; rien ne peut être modifié.
preset-fullAccess = Accès complet
preset-fullAccess-help = Tout rôle et toute permission, pour tout client. Si cette clé est divulguée, les lignes de tous vos clients sont exposées.
preset-custom = Personnalisé…
preset-custom-help = Choisissez les rôles, les permissions, les valeurs fixées, les réseaux et la durée des jetons.
limits-customer-attribute = Attribut client
limits-customer-value = Client
limits-customer-help = Par exemple tenant et acme : les jetons de cette clé ne montrent jamais que les lignes d’acme.
limits-customer-needed = Indiquez à quel client cette clé est destinée.
limits-roles = Rôles que ses jetons peuvent avoir
limits-permissions = Le plus que ses jetons peuvent faire
limits-fixed = Valeurs portées par chaque jeton (facultatif)
limits-fixed-help = Écrivez chacune sous la forme nom=valeur, séparées par des virgules, par exemple tenant=acme.
limits-networks = Réseaux autorisés à demander des jetons (facultatif)
limits-lifetime = Durée maximale d’un jeton
limits-lifetime-any = Aussi longtemps que le serveur le permet
limits-pick-a-role = Choisissez au moins un rôle.
role-explorer-short = Explorer
role-maker-short = Maker
role-admin-short = Admin
details-limits = Limites
details-limits-change = Modifier les limites
details-limits-title = Limites de « { $name } »
details-limits-saved = Limites enregistrées. Le serveur les applique dès la prochaine demande.
full-access-hint = Accès complet : à restreindre
full-access-tooltip = Cette clé peut accorder tout rôle et toute permission pour tout client. Ouvrez ses détails et choisissez Modifier les limites pour la restreindre.
token-limited = Cette clé est limitée : { $summary }. Seul ce qu’elle permet est proposé.
token-limited-roles = Les rôles qu’elle ne peut pas accorder sont omis.
token-limited-permissions = Les permissions grisées dépassent ses limites.
token-fixed = Chaque jeton qu’elle émet porte { $list }, écrit par le serveur.
token-beyond-limits = Au-delà des limites de cette clé
limits-rate = Ses propres demandes de jetons par minute (facultatif)
limits-rate-help = Écrivez un nombre entier de demandes par minute, 1 ou plus, ou laissez vide.
limits-from = Fonctionne à partir du (facultatif)

# Une clé trouvée en public (un scanner de secrets l’a signalée à son serveur)
status-leaked = Divulguée
leaked-found = trouvée
leak-found = Trouvée en public à l’adresse { $url } le { $date }.
leak-unknown-place = un endroit que le signalement ne nomme pas
leak-revoked = Le serveur l’a révoquée.
leak-not-revoked = Elle fonctionne encore, pour quiconque l’a vue : renouvelez-la maintenant.
leak-what-to-do = Renouvelez-la pour obtenir une remplaçante tout de suite, mettez la nouvelle clé là où l’ancienne servait, et retirez l’ancienne de l’endroit où elle a été publiée.
roll-leaked-intro = Cette clé a été trouvée en public : sa remplaçante est créée tout de suite et l’ancienne clé cesse de fonctionner maintenant (sans chevauchement). Mettez la nouvelle clé là où l’ancienne servait.

# The token panel in plain words
example = p. ex. { $value }
token-grants = Ce qu’il accorde
token-summary-for = Pour { $user }
token-summary-nothing = aucune permission
token-summary-until = valable jusqu’au { $at }
role-name-explorer = Explorer
role-name-maker = Maker
role-name-admin = Admin
token-where-title = Où il va
# Where a session token goes: a placeholder, never the token itself.
token-web-component = <tc-dashboard dashboard-id="ID_DE_VOTRE_TABLEAU" auth-token="JETON_DE_SESSION"></tc-dashboard>
