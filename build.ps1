<#
.SYNOPSIS
    Builds, tests and packages the Tamara in-store plugin for nopCommerce 4.90.
.DESCRIPTION
    Default: restore, build (Release), run the tests, and write artifacts/Payments.TamaraInStore.zip
    (the archive nopCommerce's admin "Upload plugin or theme" accepts) plus the unzipped plugin folder
    artifacts/Payments.TamaraInStore.
.EXAMPLE
    dotnet pwsh ./build.ps1
.EXAMPLE
    dotnet pwsh ./build.ps1 -Target Pack -NopSourceDir ~/nopCommerce/src
#>
[CmdletBinding()]
param(
    [ValidateSet('Default', 'Build', 'Test', 'Pack', 'Clean')]
    [string] $Target = 'Default',

    [string] $Configuration = 'Release',

    # a real nopCommerce 4.90 source tree's src folder; builds against it instead of nopCommerce.Reference
    [string] $NopSourceDir = ''
)

$ErrorActionPreference = 'Stop'
Set-StrictMode -Version Latest

$root = $PSScriptRoot
$pluginName = 'Payments.TamaraInStore'
$pluginProject = Join-Path $root 'Nop.Plugin.Payments.TamaraInStore/Nop.Plugin.Payments.TamaraInStore.csproj'
$artifacts = Join-Path $root 'artifacts'

function Fail([string] $message) {
    Write-Host "build.ps1: $message" -ForegroundColor Red
    exit 1
}

function Invoke-Dotnet([string[]] $arguments) {
    Write-Host "> dotnet $($arguments -join ' ')" -ForegroundColor DarkGray
    & dotnet @arguments
    if ($LASTEXITCODE -ne 0) { Fail "'dotnet $($arguments[0])' failed (exit code $LASTEXITCODE)." }
}

function Assert-Tools {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
        Fail 'The .NET SDK was not found on PATH: install the .NET 10 SDK from https://dotnet.microsoft.com/download and run this script again.'
    }
    if ($NopSourceDir -and -not (Test-Path (Join-Path $NopSourceDir 'Presentation/Nop.Web/Nop.Web.csproj'))) {
        Fail "NopSourceDir '$NopSourceDir' is not a nopCommerce src folder (Presentation/Nop.Web/Nop.Web.csproj is missing)."
    }
}

function Get-NopArguments {
    if ($NopSourceDir) { return @("-p:NopSourceDir=$((Resolve-Path $NopSourceDir).Path)") }
    return @()
}

function Get-PluginOutput {
    if ($NopSourceDir) {
        return Join-Path (Resolve-Path $NopSourceDir).Path "Presentation/Nop.Web/Plugins/$pluginName"
    }
    return Join-Path $root "Nop.Plugin.Payments.TamaraInStore/bin/$Configuration/net9.0"
}

# the only third-party libraries the package carries: those nopCommerce 4.90 does not have (see the csproj's PluginLibrary)
$pluginLibraries = @('PhoneNumbers.dll', 'QRCoder.dll')
$pluginFiles = @('Nop.Plugin.Payments.TamaraInStore.dll', 'Nop.Plugin.Payments.TamaraInStore.pdb',
    'Nop.Plugin.Payments.TamaraInStore.deps.json', 'plugin.json', 'logo.png') + $pluginLibraries

function Test-PluginFile([string] $relativePath) {
    return ($pluginFiles -contains $relativePath) -or ($relativePath -like 'Views/*.cshtml') -or ($relativePath -like 'Content/*')
}

function Invoke-Build {
    Invoke-Dotnet (@('build', $pluginProject, '-c', $Configuration, '-nologo') + (Get-NopArguments))
}

function Invoke-Test {
    Invoke-Dotnet @('test', (Join-Path $root 'TamaraInStore.sln'), '-c', $Configuration, '-nologo')
}

function Invoke-Pack {
    $output = Get-PluginOutput
    if (-not (Test-Path (Join-Path $output 'Nop.Plugin.Payments.TamaraInStore.dll'))) {
        Fail "No built plugin in '$output': run the Build target first."
    }

    # a plugin folder holds the plugin, its descriptor, logo and views, and the libraries nopCommerce lacks, nothing else
    # (nopCommerce loads its own copy of any library it has, so a second copy is dead weight or a version clash)
    $unexpected = @(Get-ChildItem -Path $output -Recurse -File |
        ForEach-Object { [System.IO.Path]::GetRelativePath($output, $_.FullName).Replace('\', '/') } |
        Where-Object { -not (Test-PluginFile $_) })
    if ($unexpected.Count -gt 0) {
        Fail "The plugin folder '$output' holds files a plugin must not ship (delete the folder and build again if they are left from an older build):`n  $($unexpected -join "`n  ")"
    }

    $staging = Join-Path $artifacts $pluginName
    if (Test-Path $staging) { Remove-Item $staging -Recurse -Force }
    New-Item -ItemType Directory -Path $staging -Force | Out-Null
    # files only: empty folders an older build left behind stay out of the package
    Get-ChildItem -Path $output -Recurse -File | ForEach-Object {
        $target = Join-Path $staging ([System.IO.Path]::GetRelativePath($output, $_.FullName))
        New-Item -ItemType Directory -Path (Split-Path $target) -Force | Out-Null
        Copy-Item $_.FullName $target
    }

    foreach ($required in @('plugin.json', 'logo.png', 'Nop.Plugin.Payments.TamaraInStore.dll') + $pluginLibraries) {
        if (-not (Test-Path (Join-Path $staging $required))) { Fail "The package lacks $required." }
    }

    $zip = Join-Path $artifacts "$pluginName.zip"
    if (Test-Path $zip) { Remove-Item $zip -Force }
    Add-Type -AssemblyName System.IO.Compression.FileSystem
    # one root folder named after the plugin, entries with forward slashes: the layout nopCommerce's upload expects
    [System.IO.Compression.ZipFile]::CreateFromDirectory($staging, $zip, [System.IO.Compression.CompressionLevel]::Optimal, $true)
    Write-Host "Plugin package: $zip" -ForegroundColor Green
    Write-Host "Plugin folder:  $staging" -ForegroundColor Green
}

function Invoke-Clean {
    if (Test-Path $artifacts) { Remove-Item $artifacts -Recurse -Force }
    Invoke-Dotnet @('clean', (Join-Path $root 'TamaraInStore.sln'), '-c', $Configuration, '-nologo')
}

Assert-Tools
switch ($Target) {
    'Build' { Invoke-Build }
    'Test' { Invoke-Test }
    'Pack' { Invoke-Build; Invoke-Pack }
    'Clean' { Invoke-Clean }
    default { Invoke-Build; Invoke-Test; Invoke-Pack }
}
